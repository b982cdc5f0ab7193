package org.picogate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.picogate.client.Headers;
import org.picogate.client.HttpProtocolException;
import org.picogate.client.Multipart;
import org.picogate.client.SessionOptions;

/** Body framing rules, the request head, URL and header checks, option validation, the cookie jar's rules. */
class FramingAndOptionsTest {
    private static final URI URL = URI.create("http://h/");

    private static ResponseHead head(int status, String... fields) {
        return new ResponseHead(true, status, "", Headers.of(fields));
    }

    @Test
    void framesBodiesByRfc9112Rules() throws Exception {
        assertThat(BodyFraming.of("HEAD", head(200, "Content-Length", "10"), URL).kind())
                .isEqualTo(BodyFraming.Kind.EMPTY);
        assertThat(BodyFraming.of("GET", head(304, "Content-Length", "10"), URL).kind())
                .isEqualTo(BodyFraming.Kind.EMPTY);
        assertThat(BodyFraming.of("GET", head(200, "Content-Length", "10", "Transfer-Encoding", "chunked"), URL)
                .kind()).isEqualTo(BodyFraming.Kind.CHUNKED);
        assertThat(BodyFraming.of("GET", head(200, "Transfer-Encoding", "gzip"), URL).kind())
                .isEqualTo(BodyFraming.Kind.UNTIL_CLOSE);
        assertThat(BodyFraming.of("GET", head(200, "Content-Length", "7, 7"), URL).length()).isEqualTo(7);
        assertThat(BodyFraming.of("GET", head(200), URL).kind()).isEqualTo(BodyFraming.Kind.UNTIL_CLOSE);
    }

    @Test
    void refusesBadContentLengthsAndCodings() {
        for (String bad : new String[] { "-1", "1x", "", "9999999999999999999", "+5" }) {
            assertThatThrownBy(() -> BodyFraming.of("GET", head(200, "Content-Length", bad), URL))
                    .as(bad).isInstanceOf(HttpProtocolException.class).hasMessageContaining("Content-Length");
        }
        assertThatThrownBy(() -> BodyFraming.of("GET", head(200, "Transfer-Encoding", "gzip, chunked"), URL))
                .isInstanceOf(HttpProtocolException.class).hasMessageContaining("transfer coding");
    }

    /** Found by the response fuzz test: {@code ","} split into no value at all (a length of -1, an index error). */
    @Test
    void refusesListsOfNothing() {
        for (String bad : new String[] { ",", "5,", ", 5", "5, ,5" }) {
            assertThatThrownBy(() -> BodyFraming.of("GET", head(200, "Content-Length", bad), URL))
                    .as(bad).isInstanceOf(HttpProtocolException.class).hasMessageContaining("bad Content-Length");
        }
        for (String bad : new String[] { ",", " , ,", "" }) {
            assertThatThrownBy(() -> BodyFraming.of("GET", head(200, "Transfer-Encoding", bad), URL))
                    .as(bad).isInstanceOf(HttpProtocolException.class).hasMessageContaining("without a coding");
        }
    }

    @Test
    void ignoresEmptyElementsOfTheTransferCodingList() throws Exception {
        assertThat(BodyFraming.of("GET", head(200, "Transfer-Encoding", ", chunked,"), URL).kind())
                .isEqualTo(BodyFraming.Kind.CHUNKED);
    }

    @Test
    void writesTheRequestHeadWithHostDefaultsAndFraming() {
        OutgoingRequest request = new OutgoingRequest("POST", URI.create("http://h:8080/p?q=1"),
                java.util.List.of("Accept", "text/plain"), new RequestContent.Bytes(new byte[3], "a/b"), false);
        String head = new String(RequestWriter.head(request, Endpoint.of(request.url()), Headers.of("Accept", "x/y",
                "X-Default", "d"), java.util.List.of("User-Agent", "Picogate/1.0")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(head).isEqualTo("POST /p?q=1 HTTP/1.1\r\nHost: h:8080\r\nX-Default: d\r\nAccept: text/plain\r\n"
                + "User-Agent: Picogate/1.0\r\nContent-Type: a/b\r\nContent-Length: 3\r\n\r\n");
        OutgoingRequest get = new OutgoingRequest("GET", URI.create("https://h"), java.util.List.of(), null, false);
        assertThat(new String(RequestWriter.head(get, Endpoint.of(get.url()), Headers.empty(), java.util.List.of()),
                java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    }

    @Test
    void refusesBadUrlsHeadersAndMethods() {
        try (ClientFixture fixture = ClientFixture.onSystemClock()) {
            SessionImpl session = fixture.session();
            assertThatThrownBy(() -> session.get("ftp://h/x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an absolute http or https URL");
            assertThatThrownBy(() -> session.get("/relative")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> session.get("http://h/a b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a URL");
            assertThatThrownBy(() -> session.request("GET", "http://h/").header("X", "a\r\nInjected: 1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid character");
            assertThatThrownBy(() -> session.request("GET", "http://h/").header("Content-Length", "1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set by the client");
            assertThatThrownBy(() -> session.request("GE T", "http://h/")).isInstanceOf(
                    IllegalArgumentException.class);
            SessionImpl based = fixture.session(SessionOptions.defaults().withBaseUrl("http://api.local/v1/"));
            assertThat(((RequestBuilderImpl) based.request("GET", "items").query("q", "a b&c")).resolve())
                    .isEqualTo(URI.create("http://api.local/v1/items?q=a+b%26c"));
        }
    }

    @Test
    void refusesInvalidOptions() {
        SessionOptions d = SessionOptions.defaults();
        assertThatThrownBy(() -> d.withMaxConnectionsPerHost(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withReadTimeout(Duration.ofSeconds(-1))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMaxRedirects(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withBaseUrl("relative/path")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Headers.of("odd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multipart.create().field("a\"b", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cookiesExpireOnTheSchedulerClockAndRespectDomainAndSecure() {
        long[] now = { 0 };
        CookieJar jar = new CookieJar(() -> now[0]);
        URI site = URI.create("http://www.example.com/a/b");
        jar.receive(site, Headers.of("Set-Cookie", "s=1; Max-Age=60", "Set-Cookie", "d=2; Domain=example.com",
                "Set-Cookie", "x=3; Domain=other.com", "Set-Cookie", "sec=4; Secure; Path=/"));
        assertThat(jar.header(URI.create("http://www.example.com/a/c"))).isEqualTo("s=1; d=2");
        assertThat(jar.header(URI.create("https://www.example.com/a/c"))).isEqualTo("s=1; d=2; sec=4");
        assertThat(jar.header(URI.create("http://api.example.com/a/x"))).isEqualTo("d=2"); // Domain: subdomains too
        assertThat(jar.header(URI.create("http://api.example.com/"))).isNull(); // outside the default path /a
        assertThat(jar.header(URI.create("http://other.com/"))).isNull();
        now[0] += Duration.ofSeconds(60).toNanos();
        assertThat(jar.header(URI.create("http://www.example.com/a/c"))).isEqualTo("d=2");
    }
}
