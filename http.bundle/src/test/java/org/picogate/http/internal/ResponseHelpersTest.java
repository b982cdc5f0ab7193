package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.picogate.http.Cookie;
import org.picogate.http.EventStream;
import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.internal.HttpTestConnection.Reply;

/** Response helpers (JSON, HTML, redirects, writer, cookies, server-sent events, error pages) over a pipe. */
class ResponseHelpersTest {
    private HttpTestConnection http;
    private final AtomicReference<Handler> handler = new AtomicReference<>();

    @BeforeEach
    void start() {
        http = new HttpTestConnection("helpers-test", () -> HttpLimits.DEFAULTS, handler::get);
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private Reply get(String... headers) throws IOException {
        http.send("GET / HTTP/1.1\r\nHost: gw\r\n" + String.join("", headers) + "\r\n");
        return http.read();
    }

    /** The status line and every header line as sent, up to the empty line. */
    private List<String> rawHead() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = http.client.readLine(8000); !line.isEmpty(); line = http.client.readLine(8000)) {
            lines.add(line);
        }
        return lines;
    }

    /** One chunk of a chunked body. */
    private String chunk() throws IOException {
        int size = Integer.parseInt(http.client.readLine(100), 16);
        String data = new String(http.client.readExactly(size), StandardCharsets.UTF_8);
        assertThat(http.client.readLine(10)).isEmpty();
        return data;
    }

    @Test
    void jsonify() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", 7);
        body.put("title", "Zoë \"quoted\"");
        body.put("tags", List.of("a", "b"));
        handler.set((req, resp) -> resp.json(body));
        Reply r = get();
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"id\":7,\"title\":\"Zoë \\\"quoted\\\"\",\"tags\":[\"a\",\"b\"]}");
    }

    /** A record written by jackson-jr. */
    public record Reading(String sensor, double celsius, List<Integer> history) {
    }

    @Test
    void jsonifyARecordAndAList() throws Exception {
        handler.set((req, resp) -> resp.json(List.of(new Reading("t1", 21.5, List.of(20, 21)))));
        assertThat(get().body()).isEqualTo("[{\"celsius\":21.5,\"history\":[20,21],\"sensor\":\"t1\"}]");
    }

    @Test
    void jsonKeepsAJsonTypeTheHandlerSet() throws Exception {
        handler.set((req, resp) -> resp.contentType("application/problem+json").json(Map.of("title", "x")));
        assertThat(get().header("content-type")).isEqualTo("application/problem+json");
    }

    @Test
    void html() throws Exception {
        handler.set((req, resp) -> resp.html("<p>café</p>"));
        Reply r = get();
        assertThat(r.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.body()).isEqualTo("<p>café</p>");
    }

    @Test
    void redirects() throws Exception {
        handler.set((req, resp) -> resp.redirect("/notes/été"));
        Reply r = get();
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("location")).isEqualTo("/notes/%C3%A9t%C3%A9");
        assertThat(r.body()).isEmpty();
        handler.set((req, resp) -> resp.redirect(303, "https://gateway.local/after-post"));
        r = get();
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("location")).isEqualTo("https://gateway.local/after-post");
    }

    @Test
    void aRedirectWithAnotherStatusIsTheHandlersBug() throws Exception {
        handler.set((req, resp) -> resp.redirect(200, "/x"));
        assertThat(get().status()).isEqualTo(500);
    }

    @Test
    void writerStreamsUtf8TextAndIsFlushedAtTheEnd() throws Exception {
        handler.set((req, resp) -> {
            Writer w = resp.writer();
            w.write("line one\n");
            w.flush();
            w.write("été"); // left unflushed and unclosed: the server ends it
        });
        Reply r = get();
        assertThat(r.header("transfer-encoding")).isEqualTo("chunked");
        assertThat(r.header("content-type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.body()).isEqualTo("line one\nété");
    }

    @Test
    void setCookieLines() throws Exception {
        handler.set((req, resp) -> resp.cookie(Cookie.of("sid", "abc").withPath("/").withHttpOnly(true))
                .cookie(Cookie.of("theme", "dark").withMaxAge(Duration.ofDays(1))).send("ok"));
        http.send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(rawHead()).contains("Set-Cookie: sid=abc; Path=/; HttpOnly", "Set-Cookie: theme=dark; Max-Age=86400");
    }

    @Test
    void serverSentEventsWithHeartbeatOnTheSchedulerClock() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        handler.set((req, resp) -> {
            EventStream events = resp.sse(Duration.ofSeconds(10));
            events.send("greeting", "hello\nworld", "1");
            events.retry(Duration.ofSeconds(3));
            events.comment("two\nlines");
            finish.await();
            events.send("bye");
        });
        http.send("GET /events HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(rawHead()).contains("HTTP/1.1 200 OK", "Content-Type: text/event-stream", "Cache-Control: no-cache",
                "Transfer-Encoding: chunked");
        assertThat(chunk()).isEqualTo("event: greeting\nid: 1\ndata: hello\ndata: world\n\n");
        assertThat(chunk()).isEqualTo("retry: 3000\n\n");
        assertThat(chunk()).isEqualTo(": two\n: lines\n\n");
        http.clock.advance(Duration.ofSeconds(10));
        assertThat(chunk()).isEqualTo(":\n\n");
        http.clock.advance(Duration.ofSeconds(10));
        assertThat(chunk()).isEqualTo(":\n\n");
        finish.countDown();
        assertThat(chunk()).isEqualTo("data: bye\n\n");
        assertThat(http.client.readLine(10)).isEqualTo("0"); // the last chunk: the handler returned
        assertThat(http.client.readLine(10)).isEmpty();
        http.clock.advance(Duration.ofSeconds(30)); // no heartbeat after the end
        handler.set((req, resp) -> resp.send("next"));
        http.send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(http.read().body()).isEqualTo("next");
    }

    @Test
    void aClientThatGoesEndsTheEventStreamWithoutAnError() throws Exception {
        CountDownLatch gone = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> seen = new AtomicReference<>();
        handler.set((req, resp) -> {
            EventStream events = resp.sse(Duration.ofSeconds(5));
            events.send("first");
            gone.await();
            seen.set(events.closed() + " " + events.send("lost") + " " + events.comment("lost too"));
            done.countDown();
        });
        http.send("GET /events HTTP/1.1\r\nHost: gw\r\n\r\n");
        rawHead();
        assertThat(chunk()).isEqualTo("data: first\n\n");
        http.client.abort();
        http.clock.advance(Duration.ofSeconds(5)); // the heartbeat's write fails: the stream closes itself
        gone.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen.get()).isEqualTo("true false false");
    }

    @Test
    void eventsRejectLineBreaksWhereOnlyOneLineFits() throws Exception {
        handler.set((req, resp) -> {
            EventStream events = resp.sse(Duration.ZERO);
            List<String> refused = new ArrayList<>();
            for (String[] bad : new String[][] { { "a\nb", "d", null }, { "e", "d", "1\r2" }, { "e", "d", "\0" } }) {
                try {
                    events.send(bad[0], bad[1], bad[2]);
                } catch (IllegalArgumentException expected) {
                    refused.add(expected.getMessage());
                }
            }
            events.send(String.join("|", refused));
            events.close();
        });
        Reply r = get();
        assertThat(r.body()).isEqualTo("data: an event event is one line|an event id is one line|an event id cannot hold NUL\n\n");
    }

    @Test
    void errorPagesFollowAccept() throws Exception {
        handler.set((req, resp) -> {
            throw new HttpException(404, "no note <7>");
        });
        Reply plain = get("Accept: */*\r\n");
        assertThat(plain.header("content-type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(plain.body()).isEqualTo("404 Not Found: no note <7>\n");

        Reply html = get("Accept: text/html,application/xhtml+xml,*/*;q=0.8\r\n");
        assertThat(html.status()).isEqualTo(404);
        assertThat(html.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(html.body()).contains("<title>404 Not Found</title>", "<p>no note &lt;7&gt;</p>");

        Reply json = get("Accept: application/json\r\n");
        assertThat(json.header("content-type")).isEqualTo("application/json");
        assertThat(json.body()).isEqualTo("{\"status\":404,\"error\":\"Not Found\",\"message\":\"no note <7>\"}");
    }

    @Test
    void theErrorPageDropsWhatTheHandlerSetButKeepsAllow() throws Exception {
        handler.set((req, resp) -> {
            resp.header("Allow", "GET").header("X-Secret", "1").contentType("image/png");
            throw new HttpException(405, null);
        });
        Reply r = get("Accept: application/json\r\n");
        assertThat(r.header("allow")).isEqualTo("GET");
        assertThat(r.header("x-secret")).isNull();
        assertThat(r.body()).isEqualTo("{\"status\":405,\"error\":\"Method Not Allowed\"}");
    }
}
