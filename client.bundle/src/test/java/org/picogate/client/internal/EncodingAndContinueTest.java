package org.picogate.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.picogate.client.internal.ClientFixture.assertPoolClean;
import static org.picogate.client.internal.RawHttp.read;
import static org.picogate.client.internal.RawHttp.send;

import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.client.BodyTooLargeException;
import org.picogate.client.ClientResponse;
import org.picogate.client.HttpProtocolException;
import org.picogate.client.SessionOptions;
import org.picogate.http.HttpException;

/** Gzip decoding, the buffered body limit, and Expect: 100-continue against the Picogate server. */
class EncodingAndContinueTest {
    private final ClientFixture fixture = ClientFixture.onSystemClock();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(UTF_8));
        }
        return out.toByteArray();
    }

    /** Answers gzip when asked for it, plain text otherwise; /broken claims gzip and is not. */
    private String gzipServer() throws Exception {
        byte[] compressed = gzip("compressed text ".repeat(100));
        return fixture.rawServer(s -> {
            for (RawHttp.Request r; (r = read(s)) != null; ) {
                boolean broken = r.requestLine().contains("/broken");
                if (broken) {
                    send(s, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 9\r\n\r\nnot gzip!");
                } else if ("gzip".equals(r.header("Accept-Encoding"))) {
                    s.write(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + compressed.length
                            + "\r\n\r\n").getBytes(UTF_8));
                    s.write(compressed);
                    s.drain();
                } else {
                    send(s, RawHttp.ok("plain"));
                }
            }
            s.close();
        });
    }

    @Test
    void decodesGzipWhenAskedAndKeepsTheConnection() throws Exception {
        String base = gzipServer();
        SessionImpl session = fixture.session(SessionOptions.defaults().withAcceptGzip(true));
        assertThat(session.get(base).text()).isEqualTo("compressed text ".repeat(100));
        assertThat(session.get(base).text()).isEqualTo("compressed text ".repeat(100));
        assertThat(session.stats().created()).isEqualTo(1);
        assertPoolClean(session);
    }

    @Test
    void asksForNoEncodingByDefault() throws Exception {
        String base = gzipServer();
        SessionImpl session = fixture.session();
        assertThat(session.get(base).text()).isEqualTo("plain");
    }

    @Test
    void aBodyThatIsNotGzipIsAProtocolError() throws Exception {
        String base = gzipServer();
        SessionImpl session = fixture.session(SessionOptions.defaults().withAcceptGzip(true));
        assertThatThrownBy(() -> session.get(base + "broken").text()).isInstanceOf(HttpProtocolException.class)
                .hasMessageContaining("not gzip");
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndItsConnectionClosed() throws Exception {
        String base = fixture.httpServer((request, response) -> response.send("x".repeat(5000)));
        SessionImpl session = fixture.session(SessionOptions.defaults().withMaxBodyBytes(4096));
        assertThatThrownBy(() -> session.get(base).bytes()).isInstanceOf(BodyTooLargeException.class)
                .hasMessageContaining("longer than 4096 bytes");
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
        String chunked = fixture.httpServer((request, response) -> {
            try (var out = response.output()) {
                for (int i = 0; i < 50; i++) {
                    out.write("y".repeat(100).getBytes(UTF_8));
                    out.flush();
                }
            }
        });
        assertThatThrownBy(() -> session.get(chunked).text()).isInstanceOf(BodyTooLargeException.class);
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void expectContinueSendsTheBodyAfterTheServersContinue() throws Exception {
        String base = fixture.httpServer((request, response) -> response.send("got " + new String(request.body(),
                UTF_8) + " expect=" + request.headers().first("Expect")));
        SessionImpl session = fixture.session();
        try (ClientResponse r = session.post(base).text("the body").expectContinue(true).send()) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("got the body expect=100-continue");
        }
        assertThat(session.post(base).text("again").send().text()).startsWith("got again");
        assertThat(session.stats().created()).isEqualTo(1);
        assertPoolClean(session);
    }

    @Test
    void expectContinueRefusedBeforeTheBodyClosesTheConnection() throws Exception {
        String base = fixture.httpServer((request, response) -> {
            throw new HttpException(403, "not you");
        });
        SessionImpl session = fixture.session();
        try (ClientResponse r = session.post(base).text("never sent").expectContinue(true).send()) {
            assertThat(r.status()).isEqualTo(403);
            r.bytes();
        }
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero(); // the server might still read the announced body
    }
}
