package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.picogate.http.internal.HttpTestConnection.Reply;

/** The access log: its line format, off by default, and one line per request through the connection loop. */
class AccessLogTest extends PipeFixture {
    private static final Clock AT = Clock.fixed(Instant.parse("2026-11-29T22:40:01Z"), ZoneOffset.UTC);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50123);
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AccessLog log = new AccessLog(lines::add, AT);

    private RequestHead head(String raw) throws Exception {
        sendAndClose(raw);
        return RequestParser.readHead(server, HttpLimits.DEFAULTS);
    }

    @Test
    void lineIsTheCombinedFormatWithTheMicroseconds() throws Exception {
        RequestHead head = head("GET /index.html?x=1 HTTP/1.1\r\nHost: gw\r\nReferer: http://gw/\r\n"
                + "User-Agent: ApacheBench/2.3\r\n\r\n");
        log.request(CLIENT, head, 200, 12234, 153);
        assertThat(lines).containsExactly("127.0.0.1 - - [29/Nov/2026:22:40:01 +0000] \"GET /index.html?x=1 HTTP/1.1\" "
                + "200 12234 \"http://gw/\" \"ApacheBench/2.3\" 153");
    }

    @Test
    void missingFieldsAndARefusedRequestShowAsDashes() throws Exception {
        log.request(CLIENT, head("HEAD / HTTP/1.0\r\n\r\n"), 204, 0, 7);
        log.request(CLIENT, null, 400, 120, 9);
        assertThat(lines).containsExactly(
                "127.0.0.1 - - [29/Nov/2026:22:40:01 +0000] \"HEAD / HTTP/1.0\" 204 0 \"-\" \"-\" 7",
                "127.0.0.1 - - [29/Nov/2026:22:40:01 +0000] \"-\" 400 120 \"-\" \"-\" 9");
    }

    @Test
    void quotesBackslashesAndControlCharactersCannotForgeALine() throws Exception {
        RequestHead head = head("GET / HTTP/1.1\r\nHost: gw\r\nUser-Agent: a\" 200 0 \\ \tb\r\n\r\n");
        log.request(CLIENT, head, 200, 1, 1);
        assertThat(lines.get(0)).endsWith("\"a\\\" 200 0 \\\\ \\x09b\" 1");
    }

    @Test
    void isOffByDefault() throws Exception {
        assertThat(HttpConfig.class.getMethod("accessLog").getDefaultValue()).isEqualTo(false);
    }

    @Test
    void offTheConnectionLoopLogsNothing() throws Exception {
        try (HttpTestConnection http = new HttpTestConnection("access-off", () -> HttpLimits.DEFAULTS,
                () -> (req, resp) -> resp.send("hi"), () -> null)) {
            http.send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
            assertThat(http.read().status()).isEqualTo(200);
        }
        assertThat(lines).isEmpty();
    }

    @Test
    void oneLinePerRequestThroughTheConnectionLoopRefusalsIncluded() throws Exception {
        AtomicReference<AccessLog> on = new AtomicReference<>(log);
        try (HttpTestConnection http = new HttpTestConnection("access-on", () -> HttpLimits.DEFAULTS,
                () -> (req, resp) -> resp.send("hello"), on::get)) {
            http.send("GET /first HTTP/1.1\r\nHost: gw\r\n"); // the rest of the head 2 s later
            http.clock.advance(Duration.ofSeconds(2));
            http.send("\r\n");
            Reply first = http.read();
            http.send("GET /second HTTP/1.1\r\nHost: gw\r\n\r\nGET /bad\tHTTP/1.1\r\n\r\n");
            Reply second = http.read();
            Reply refused = http.read();
            assertThat(List.of(first.status(), second.status(), refused.status())).containsExactly(200, 200, 400);
            assertThat(http.serverClosed()).isTrue();
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("pipe:left - - [29/Nov/2026:22:40:01 +0000] \"GET /first HTTP/1.1\" 200 ")
                .endsWith(" \"-\" \"-\" 2000000"); // from the request's first byte, on the scheduler's clock
        assertThat(lines.get(1)).contains("\"GET /second HTTP/1.1\" 200 ").endsWith(" 0");
        assertThat(lines.get(2)).contains("\"-\" 400 ");
        long bytes = Long.parseLong(lines.get(0).split(" ")[9]);
        assertThat(bytes).isGreaterThan(5).isLessThan(300); // head and the 5-byte body
    }
}
