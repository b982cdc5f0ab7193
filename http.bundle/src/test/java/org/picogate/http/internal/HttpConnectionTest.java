package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.picogate.http.Handler;
import org.picogate.http.internal.HttpTestConnection.Reply;
import org.picogate.http.HttpException;
import org.picogate.scheduler.Task;

/** The connection loop over an in-memory pipe on virtual time: keep-alive, pipelining, errors, timeouts. */
class HttpConnectionTest extends HttpConnectionFixture {
    private final AtomicReference<Handler> handler = new AtomicReference<>((req, resp) -> resp.send("hello"));
    private HttpLimits limits = HttpLimits.DEFAULTS;

    @Override
    HttpTestConnection open() {
        return new HttpTestConnection("http-test", () -> limits, handler::get);
    }

    @Test
    void answersWithLengthDateServerAndKeepsTheConnection() throws Exception {
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        Reply r = read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hello");
        assertThat(r.header("content-length")).isEqualTo("5");
        assertThat(r.header("content-type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.header("server")).isEqualTo("Picogate");
        assertThat(r.header("date")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(r.header("connection")).isNull();
        send("GET /again HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(read().body()).isEqualTo("hello");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        handler.set((req, resp) -> resp.send(req.path()));
        send("GET /1 HTTP/1.1\r\nHost: gw\r\n\r\nGET /2 HTTP/1.1\r\nHost: gw\r\n\r\n"
                + "POST /3 HTTP/1.1\r\nHost: gw\r\nContent-Length: 4\r\n\r\nbodyGET /4 HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(List.of(read().body(), read().body(), read().body(), read().body()))
                .containsExactly("/1", "/2", "/3", "/4");
    }

    @Test
    void http10ClosesUnlessKeepAliveIsAsked() throws Exception {
        send("GET / HTTP/1.0\r\n\r\n");
        assertThat(read().header("connection")).isEqualTo("close");
        assertThat(serverClosedConnection()).isTrue();
    }

    @Test
    void http10KeepAliveIsHonoured() throws Exception {
        send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        assertThat(read().header("connection")).isEqualTo("keep-alive");
        send("GET / HTTP/1.0\r\n\r\n");
        assertThat(read().status()).isEqualTo(200);
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        send("GET / HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n");
        assertThat(read().header("connection")).isEqualTo("close");
        assertThat(serverClosedConnection()).isTrue();
    }

    @Test
    void headGetsTheHeadersWithoutTheBody() throws Exception {
        send("HEAD / HTTP/1.1\r\nHost: gw\r\n\r\nGET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        String status = client.readLine(100);
        List<String> lines = new ArrayList<>();
        for (String l = client.readLine(100); !l.isEmpty(); l = client.readLine(100)) {
            lines.add(l);
        }
        assertThat(status).isEqualTo("HTTP/1.1 200 OK");
        assertThat(lines).contains("Content-Length: 5");
        assertThat(read().body()).isEqualTo("hello"); // the next answer starts right after the HEAD's head
    }

    @Test
    void streamedOutputIsChunked() throws Exception {
        handler.set((req, resp) -> {
            try (OutputStream out = resp.output()) {
                out.write("part one, ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("part two".getBytes(StandardCharsets.UTF_8));
            }
        });
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        Reply r = read();
        assertThat(r.header("transfer-encoding")).isEqualTo("chunked");
        assertThat(r.body()).isEqualTo("part one, part two");
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(read().status()).isEqualTo(200);
    }

    @Test
    void aStreamedBodyThatEndsWithinTheBufferGetsItsLength() throws Exception {
        handler.set((req, resp) -> {
            Writer w = resp.contentType("text/html; charset=utf-8").writer();
            w.write("<p>été</p>");
        });
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        Reply r = read();
        assertThat(r.header("content-length")).isEqualTo("12");
        assertThat(r.header("transfer-encoding")).isNull();
        assertThat(r.body()).isEqualTo("<p>été</p>");
    }

    @Test
    void aSmallStreamedBodyKeepsAnHttp10ConnectionAlive() throws Exception {
        handler.set((req, resp) -> {
            try (OutputStream out = resp.output()) {
                out.write("short".getBytes(StandardCharsets.UTF_8));
            }
        });
        send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        Reply r = read();
        assertThat(r.header("connection")).isEqualTo("keep-alive");
        assertThat(r.body()).isEqualTo("short");
        send("GET / HTTP/1.0\r\n\r\n");
        assertThat(read().header("content-length")).isEqualTo("5");
    }

    @Test
    void aStreamedBodyLargerThanTheBufferIsChunked() throws Exception {
        String big = "x".repeat(20_000);
        handler.set((req, resp) -> {
            try (OutputStream out = resp.output()) {
                for (int i = 0; i < big.length(); i += 1000) {
                    out.write(big.substring(i, i + 1000).getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        send("HEAD / HTTP/1.1\r\nHost: gw\r\n\r\nGET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        List<String> headLines = new ArrayList<>();
        for (String l = client.readLine(100); !l.isEmpty(); l = client.readLine(100)) {
            headLines.add(l);
        }
        assertThat(headLines).as("HEAD: the length GET would send").contains("Content-Length: 20000");
        Reply r = read(); // right after the HEAD's head: it had no body
        assertThat(r.header("transfer-encoding")).isEqualTo("chunked");
        assertThat(r.body()).isEqualTo(big);
    }

    @Test
    void handlerThatWritesNothingAnswers204() throws Exception {
        handler.set((req, resp) -> { });
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        Reply r = read();
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void httpExceptionGivesItsStatusAndTheConnectionGoesOn() throws Exception {
        handler.set((req, resp) -> {
            throw new HttpException(403, "not yours");
        });
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        Reply r = read();
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("403 Forbidden: not yours\n");
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(read().status()).isEqualTo(403);
    }

    @Test
    void failingHandlerGives500WithARequestIdAndNoStackTrace() throws Exception {
        handler.set((req, resp) -> {
            throw new IllegalStateException("secret internals (expected by the test)");
        });
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        Reply r = read();
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).matches("500 Internal Server Error: request id r\\d+\n").doesNotContain("secret");
    }

    @Test
    void protocolErrorIsAnsweredWithCloseAndNothingMoreIsRead() throws Exception {
        send("GET / HTTP/1.1\r\nHost: gw\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"
                + "GET /smuggled HTTP/1.1\r\nHost: gw\r\n\r\n");
        Reply r = read();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("connection")).isEqualTo("close");
        assertThat(serverClosedConnection()).isTrue();
    }

    @Test
    void unreadBodyIsSkippedSoTheNextRequestIsAligned() throws Exception {
        handler.set((req, resp) -> resp.send(req.path()));
        send("POST /upload HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\nGET /next HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(read().body()).isEqualTo("/upload");
        assertThat(read().body()).isEqualTo("/next");
    }

    @Test
    void bodyIsReadWhenAsked() throws Exception {
        handler.set((req, resp) -> resp.send("got " + new String(req.body(), StandardCharsets.UTF_8)));
        send("POST / HTTP/1.1\r\nHost: gw\r\nContent-Length: 7\r\n\r\npayload");
        assertThat(read().body()).isEqualTo("got payload");
    }

    @Test
    void expectContinueSends100OnlyWhenTheBodyIsRead() throws Exception {
        handler.set((req, resp) -> resp.send("got " + new String(req.body(), StandardCharsets.UTF_8)));
        send("POST / HTTP/1.1\r\nHost: gw\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
        assertThat(client.readLine(100)).isEqualTo("HTTP/1.1 100 Continue");
        assertThat(client.readLine(100)).isEmpty();
        send("data");
        assertThat(read().body()).isEqualTo("got data");
    }

    @Test
    void lastRequestAllowedOnAConnectionSaysClose() throws Exception {
        limits = new HttpLimits(8192, 16384, 100, 1 << 20, Duration.ofSeconds(10), Duration.ofSeconds(60), 2);
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(read().header("connection")).isNull();
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(read().header("connection")).isEqualTo("close");
        assertThat(serverClosedConnection()).isTrue();
    }

    @Test
    void slowHeadersAreCutOffByTheHeaderTimeout() throws Exception {
        send("GET / HTTP/1.1\r\n"); // then nothing more: the head never ends
        clock.advance(Duration.ofSeconds(9));
        assertThat(server.state()).isEqualTo(Task.State.RUNNING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(serverClosedConnection()).isTrue();
    }

    @Test
    void idleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        read();
        clock.advance(Duration.ofSeconds(59));
        assertThat(server.state()).isEqualTo(Task.State.RUNNING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(serverClosedConnection()).isTrue();
    }

    @Test
    void headerInjectionByAHandlerIsRefused() throws Exception {
        handler.set((req, resp) -> resp.header("X-Evil", "a\r\nSet-Cookie: stolen").send("x"));
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        Reply r = read();
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.headers()).doesNotContainKey("set-cookie");
    }
}
