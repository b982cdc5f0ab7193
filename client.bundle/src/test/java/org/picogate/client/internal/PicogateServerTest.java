package org.picogate.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.picogate.client.internal.ClientFixture.assertPoolClean;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.client.ClientResponse;
import org.picogate.client.Multipart;
import org.picogate.client.PoolStats;
import org.picogate.http.Handler;

/** The client against the Picogate HTTP server over loopback: methods, bodies both ways, keep-alive reuse. */
class PicogateServerTest {
    private final ClientFixture fixture = ClientFixture.onSystemClock();

    /** Echoes method, target, some request headers and the body; /chunked answers in chunks; /close closes. */
    private static final Handler ECHO = (request, response) -> {
        switch (request.path()) {
            case "/chunked" -> {
                response.contentType("text/plain; charset=utf-8");
                try (OutputStream out = response.output()) {
                    for (int i = 0; i < 100; i++) {
                        out.write(("line " + i + "\n").getBytes(UTF_8));
                        out.flush();
                    }
                }
            }
            case "/close" -> {
                response.header("Connection", "close");
                response.send("bye");
            }
            case "/latin1" -> {
                response.contentType("text/plain; charset=ISO-8859-1");
                response.send("caf\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            case "/json" -> {
                response.contentType("application/json");
                response.send("{\"name\":\"sensor\",\"values\":[1,2,3]}");
            }
            default -> {
                byte[] body = request.body();
                String type = request.headers().first("Content-Type");
                String echo = request.method() + " " + request.target() + "\n" + "type=" + type + "\n"
                        + "encoding=" + request.headers().first("Transfer-Encoding") + "\n"
                        + "agent=" + request.headers().first("User-Agent") + "\n"
                        + new String(body, UTF_8);
                response.contentType("text/plain; charset=utf-8");
                response.send(echo);
            }
        }
    };

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void getsOverOneKeepAliveConnection() throws Exception {
        String base = fixture.httpServer(ECHO);
        SessionImpl session = fixture.session();
        for (int i = 0; i < 5; i++) {
            try (ClientResponse r = session.get(base + "hello?n=" + i)) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.reason()).isEqualTo("OK");
                assertThat(r.text()).startsWith("GET /hello?n=" + i + "\n").contains("agent=Picogate/1.0");
            }
        }
        PoolStats stats = session.stats();
        assertThat(stats.created()).isEqualTo(1);
        assertThat(stats.reused()).isEqualTo(4);
        assertThat(stats.idle()).isEqualTo(1);
        assertPoolClean(session);
    }

    @Test
    void postsBytesTextJsonFormAndMultipart() throws Exception {
        String base = fixture.httpServer(ECHO);
        SessionImpl session = fixture.session();
        assertThat(session.post(base + "b").body(new byte[] { 1, 2, 3 }, "application/octet-stream").send()
                .text()).contains("type=application/octet-stream\nencoding=null").endsWith("\u0001\u0002\u0003");
        assertThat(session.post(base + "t").text("h\u00e9llo").send().text())
                .contains("type=text/plain; charset=utf-8").endsWith("h\u00e9llo");
        assertThat(session.post(base + "j").json(Map.of("a", 1)).send().text())
                .contains("type=application/json").endsWith("{\"a\":1}");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "a b");
        form.put("x", "&=");
        assertThat(session.post(base + "f").form(form).send().text())
                .contains("type=application/x-www-form-urlencoded").endsWith("name=a+b&x=%26%3D");
        Multipart multipart = Multipart.create().field("note", "hi").file("f", "a.txt", "text/plain",
                "content".getBytes(UTF_8));
        String echoed = session.post(base + "m").multipart(multipart).send().text();
        assertThat(echoed).contains("type=" + multipart.contentType())
                .contains("Content-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n")
                .contains("Content-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\nContent-Type: text/plain"
                        + "\r\n\r\ncontent\r\n");
        assertThat(session.stats().created()).isEqualTo(1);
        assertPoolClean(session);
    }

    @Test
    void streamsARequestBodyInChunks() throws Exception {
        String base = fixture.httpServer(ECHO);
        SessionImpl session = fixture.session();
        byte[] big = "0123456789".repeat(3000).getBytes(UTF_8);
        try (ClientResponse r = session.put(base + "s").body(new ByteArrayInputStream(big), "text/plain").send()) {
            assertThat(r.text()).contains("encoding=chunked").endsWith(new String(big, UTF_8));
        }
        assertPoolClean(session);
    }

    @Test
    void readsChunkedResponsesAsTextAndAsStream() throws Exception {
        String base = fixture.httpServer(ECHO);
        SessionImpl session = fixture.session();
        try (ClientResponse r = session.get(base + "chunked")) {
            assertThat(r.headers().value("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(r.text().lines()).hasSize(100).startsWith("line 0").endsWith("line 99");
        }
        try (ClientResponse r = session.get(base + "chunked"); InputStream in = r.body()) {
            assertThat(new String(in.readAllBytes(), UTF_8)).endsWith("line 99\n");
        }
        assertThat(session.stats().created()).isEqualTo(1);
        assertPoolClean(session);
    }

    @Test
    void honoursConnectionClose() throws Exception {
        String base = fixture.httpServer(ECHO);
        SessionImpl session = fixture.session();
        assertThat(session.get(base + "close").text()).isEqualTo("bye");
        assertThat(session.get(base + "close").text()).isEqualTo("bye");
        PoolStats stats = session.stats();
        assertThat(stats.created()).isEqualTo(2);
        assertThat(stats.open()).isZero();
        assertPoolClean(session);
    }

    @Test
    void decodesTextByItsCharsetAndJson() throws Exception {
        String base = fixture.httpServer(ECHO);
        SessionImpl session = fixture.session();
        assertThat(session.get(base + "latin1").text()).isEqualTo("caf\u00e9");
        Map<?, ?> json = session.get(base + "json").json(Map.class);
        assertThat(json.get("name")).isEqualTo("sensor");
        assertThat(json.get("values")).isEqualTo(List.of(1, 2, 3));
        assertPoolClean(session);
    }

    @Test
    void headHasNoBodyAndKeepsTheConnection() throws Exception {
        String base = fixture.httpServer(ECHO);
        SessionImpl session = fixture.session();
        try (ClientResponse r = session.head(base + "x").send()) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bytes()).isEmpty();
        }
        assertThat(session.get(base + "x").text()).startsWith("GET /x");
        assertThat(session.stats().created()).isEqualTo(1);
        assertPoolClean(session);
    }

    @Test
    void closingAResponseWithItsBodyUnreadClosesItsConnection() throws Exception {
        String base = fixture.httpServer(ECHO);
        SessionImpl session = fixture.session();
        session.get(base + "chunked").close();
        PoolStats stats = session.stats();
        assertThat(stats.open()).isZero();
        assertThat(stats.discarded()).isEqualTo(1);
        assertThat(session.get(base + "x").status()).isEqualTo(200);
    }
}
