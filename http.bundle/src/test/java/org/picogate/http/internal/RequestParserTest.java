package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParserTest extends PipeFixture {

    private static final HttpLimits LIMITS = HttpLimits.DEFAULTS;

    private static HttpLimits limits(int maxRequestLine, int maxHeaderBytes, int maxHeaders, long maxBody) {
        return new HttpLimits(maxRequestLine, maxHeaderBytes, maxHeaders, maxBody, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 100);
    }

    private RequestHead parse(String raw) throws IOException {
        return parse(raw, LIMITS);
    }

    private RequestHead parse(String raw, HttpLimits limits) throws IOException {
        sendAndClose(raw);
        return RequestParser.readHead(server, limits);
    }

    private int rejected(String raw) throws IOException {
        return rejected(raw, LIMITS);
    }

    private int rejected(String raw, HttpLimits limits) throws IOException {
        sendAndClose(raw);
        return status(() -> RequestParser.readHead(server, limits));
    }

    private static String get(String headers) {
        return "GET / HTTP/1.1\r\nHost: example.com\r\n" + headers + "\r\n";
    }

    // ---- request line ----

    @Test
    void parsesASimpleGet() throws IOException {
        RequestHead head = parse("GET /index.html HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n");
        assertThat(head.method()).isEqualTo("GET");
        assertThat(head.target()).isEqualTo("/index.html");
        assertThat(head.path()).isEqualTo("/index.html");
        assertThat(head.rawQuery()).isNull();
        assertThat(head.minorVersion()).isEqualTo(1);
        assertThat(head.version()).isEqualTo("HTTP/1.1");
        assertThat(head.headers().first("host")).isEqualTo("example.com");
        assertThat(head.headers().first("ACCEPT")).isEqualTo("*/*");
        assertThat(head.headers().size()).isEqualTo(2);
        assertThat(head.framing()).isEqualTo(BodyFraming.NONE);
        assertThat(head.keepAlive()).isTrue();
        assertThat(head.expectContinue()).isFalse();
    }

    @Test
    void returnsNullWhenInputEndsBeforeARequest() throws IOException {
        assertThat(parse("")).isNull();
    }

    @Test
    void returnsNullWhenInputEndsAfterOnlyEmptyLines() throws IOException {
        assertThat(parse("\r\n\n")).isNull();
    }

    @Test
    void inputEndingInTheRequestLineIsAnEofException() throws IOException {
        sendAndClose("GET / HTT");
        assertThatThrownBy(() -> RequestParser.readHead(server, LIMITS)).isInstanceOf(EOFException.class);
    }

    @Test
    void inputEndingInTheHeaderSectionIsAnEofException() throws IOException {
        sendAndClose("GET / HTTP/1.1\r\nHost: a\r\n");
        assertThatThrownBy(() -> RequestParser.readHead(server, LIMITS)).isInstanceOf(EOFException.class);
    }

    @Test
    void skipsAFewEmptyLinesBeforeTheRequestLine() throws IOException {
        RequestHead head = parse("\r\n\n\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(head.path()).isEqualTo("/");
    }

    @Test
    void rejectsTooManyEmptyLinesBeforeTheRequestLine() throws IOException {
        assertThat(rejected("\r\n".repeat(RequestParser.MAX_EMPTY_LINES + 1) + "GET / HTTP/1.1\r\nHost: a\r\n\r\n"))
                .isEqualTo(400);
    }

    @Test
    void requestLineExactlyAtTheLimitIsAccepted() throws IOException {
        String line = "GET /" + "a".repeat(64 - "GET / HTTP/1.1\r\n".length()) + " HTTP/1.1\r\n";
        assertThat(line).hasSize(64);
        RequestHead head = parse(line + "Host: a\r\n\r\n", limits(64, 1024, 10, 1000));
        assertThat(head.path()).hasSize(64 - "GET  HTTP/1.1\r\n".length());
    }

    @Test
    void requestLineOneByteOverTheLimitIs414() throws IOException {
        String line = "GET /" + "a".repeat(65 - "GET / HTTP/1.1\r\n".length()) + " HTTP/1.1\r\n";
        assertThat(line).hasSize(65);
        assertThat(rejected(line + "Host: a\r\n\r\n", limits(64, 1024, 10, 1000))).isEqualTo(414);
    }

    @Test
    void endlessRequestLineIs414() throws IOException {
        assertThat(rejected("GET /" + "x".repeat(100_000))).isEqualTo(414);
    }

    @Test
    void acceptsBareLfLineEnds() throws IOException {
        RequestHead head = parse("GET /x HTTP/1.1\nHost: a\nX-A: 1\n\n");
        assertThat(head.path()).isEqualTo("/x");
        assertThat(head.headers().first("x-a")).isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", "GET / HTTP/1.1\rHost: a\r\n\r\n",
        "GET / HTTP/1.1\r\r\nHost: a\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\r\n\r\n", "GET / HTTP/1.1\r\nHo\rst: a\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\n\r\r\n", "GET / HTTP/1.1\r\nHost: a\r\n\rX: b\r\n\r\n" })
    void rejectsABareCr(String raw) throws IOException {
        assertThat(rejected(raw)).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET  / HTTP/1.1", "GET /  HTTP/1.1", "GET / HTTP/1.1 ", " GET / HTTP/1.1",
        "GET\t/ HTTP/1.1", "GET / HTTP/1.1\t", "GET /", "GET", "GET / HTTP/1.1 extra", "G@T / HTTP/1.1",
        "GE(T / HTTP/1.1", "GET / http/1.1", "GET / HTTP/1", "GET / HTTP/1.10", "GET / HTTP/11", "GET / HTTP/a.b",
        "GET / HTTPS/1.1", "GET foo HTTP/1.1", "GET /a#frag HTTP/1.1", "GET /a\"b HTTP/1.1", "GET /<x> HTTP/1.1",
        "GET /a\\b HTTP/1.1", "GET /caf\u00e9 HTTP/1.1", "GET /a\u0000b HTTP/1.1", "GET /a\u007fb HTTP/1.1",
        "GET ftp://h/ HTTP/1.1", "GET http:/// HTTP/1.1", "GET http://user@h/ HTTP/1.1", "GET http:/h HTTP/1.1",
        "GET * HTTP/1.1", "POST * HTTP/1.1", "GET *x HTTP/1.1", "GET example.com:80 HTTP/1.1" })
    void rejectsABadRequestLineWith400(String requestLine) throws IOException {
        assertThat(rejected(requestLine + "\r\nHost: a\r\n\r\n")).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "HTTP/2.0", "HTTP/0.9", "HTTP/3.1", "HTTP/9.9" })
    void rejectsOtherVersionsWith505(String version) throws IOException {
        assertThat(rejected("GET / " + version + "\r\nHost: a\r\n\r\n")).isEqualTo(505);
    }

    @Test
    void treatsAHigherMinorVersionAsHttp11() throws IOException {
        assertThat(parse("GET / HTTP/1.2\r\nHost: a\r\n\r\n").minorVersion()).isEqualTo(1);
    }

    @Test
    void rejectsConnectWith501() throws IOException {
        assertThat(rejected("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")).isEqualTo(501);
    }

    @Test
    void acceptsAnyTokenAsMethod() throws IOException {
        assertThat(parse("PROPFIND /d HTTP/1.1\r\nHost: a\r\n\r\n").method()).isEqualTo("PROPFIND");
    }

    @Test
    void methodsAreCaseSensitive() throws IOException {
        assertThat(parse("get / HTTP/1.1\r\nHost: a\r\n\r\n").method()).isEqualTo("get");
    }

    @Test
    void acceptsOptionsAsterisk() throws IOException {
        RequestHead head = parse("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(head.method()).isEqualTo("OPTIONS");
        assertThat(head.target()).isEqualTo("*");
        assertThat(head.path()).isEqualTo("*");
        assertThat(head.rawQuery()).isNull();
    }

    @Test
    void keepsTheQueryRawAndDecodesThePath() throws IOException {
        RequestHead head = parse("GET /a%20b/c+d?x=%20y&z=1+2 HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(head.target()).isEqualTo("/a%20b/c+d?x=%20y&z=1+2");
        assertThat(head.path()).isEqualTo("/a b/c+d");
        assertThat(head.rawQuery()).isEqualTo("x=%20y&z=1+2");
    }

    @Test
    void emptyQueryIsEmptyNotNull() throws IOException {
        RequestHead head = parse("GET /p? HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(head.path()).isEqualTo("/p");
        assertThat(head.rawQuery()).isEmpty();
    }

    @Test
    void questionMarksAfterTheFirstBelongToTheQuery() throws IOException {
        RequestHead head = parse("GET /p?a=?%zz HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(head.path()).isEqualTo("/p");
        assertThat(head.rawQuery()).isEqualTo("a=?%zz");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "->", value = { "/caf%C3%A9 -> /café", "/caf%c3%a9 -> /café",
        "/%2e%2e/etc -> /../etc", "/a%2Fb -> /a/b", "/../x -> /../x", "/%7E -> /~", "//x -> //x",
        "/%e2%82%ac -> /€" })
    void decodesThePathAsUtf8WithoutNormalising(String target, String path) throws IOException {
        assertThat(parse("GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n").path()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/%zz", "/%4", "/%", "/a%g1", "/%00", "/a%00b", "/%0a", "/%0D%0A", "/%7f", "/%ff",
        "/%c3", "/%c0%af", "/%ed%a0%80" })
    void rejectsABadPathEscapeWith400(String target) throws IOException {
        assertThat(rejected("GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n")).isEqualTo(400);
    }

    // ---- absolute form ----

    @Test
    void acceptsTheAbsoluteFormAndTakesTheHostFromIt() throws IOException {
        RequestHead head = parse("GET http://example.com:8080/a%2Fb?q=1 HTTP/1.1\r\nHost: other\r\n\r\n");
        assertThat(head.target()).isEqualTo("http://example.com:8080/a%2Fb?q=1");
        assertThat(head.path()).isEqualTo("/a/b");
        assertThat(head.rawQuery()).isEqualTo("q=1");
        assertThat(head.headers().all("host")).containsExactly("example.com:8080");
    }

    @Test
    void absoluteFormWithoutPathHasPathSlash() throws Exception {
        RequestHead head = parse("GET HTTPS://Example.com HTTP/1.1\r\nHost: Example.com\r\n\r\n");
        assertThat(head.path()).isEqualTo("/");
        assertThat(head.rawQuery()).isNull();
        RequestHead second = parseAgain("GET http://h?x=1 HTTP/1.0\r\n\r\n");
        assertThat(second.path()).isEqualTo("/");
        assertThat(second.rawQuery()).isEqualTo("x=1");
        assertThat(second.headers().first("Host")).isEqualTo("h");
    }

    private RequestHead parseAgain(String raw) throws Exception {
        closePipe();
        openPipe();
        return parse(raw);
    }

    @Test
    void absoluteFormStillNeedsAHostFieldInHttp11() throws IOException {
        assertThat(rejected("GET http://example.com/ HTTP/1.1\r\n\r\n")).isEqualTo(400);
    }

    // ---- header fields ----

    @ParameterizedTest
    @ValueSource(strings = { "X-A : 1", "X-A\t: 1", ": 1", "NoColon", "Bad Name: 1", "X(A): 1", "X\"A\": 1",
        "Caf\u00e9: 1", "X-A: a\u0000b", "X-A: \u0001", "X-A: a\u007f", "X-A: a\u001bb", "X-A: a\u000bb",
        " X-A: 1", "\tX-A: 1" })
    void rejectsABadFieldLineWith400(String field) throws IOException {
        assertThat(rejected(get(field + "\r\n"))).isEqualTo(400);
    }

    @Test
    void rejectsObsoleteLineFolding() throws Exception {
        assertThat(rejected(get("X-A: one\r\n two\r\n"))).isEqualTo(400);
        assertThat(rejectedAgain(get("X-A: one\r\n\ttwo\r\n"))).isEqualTo(400);
    }

    private int rejectedAgain(String raw) throws Exception {
        closePipe();
        openPipe();
        return rejected(raw);
    }

    @Test
    void trimsOptionalWhitespaceAndKeepsInnerWhitespaceTabsAndObsText() throws IOException {
        RequestHead head = parse(get("X-A: \t one \t two \t\r\nX-B:\r\nX-C:caf\u00e9\r\nX-D:   \r\n"));
        assertThat(head.headers().first("x-a")).isEqualTo("one \t two");
        assertThat(head.headers().first("x-b")).isEmpty();
        assertThat(head.headers().first("x-c")).isEqualTo("café");
        assertThat(head.headers().first("x-d")).isEmpty();
    }

    @Test
    void keepsFieldOrderAndRepeatedFields() throws IOException {
        RequestHead head = parse(get("Accept: a\r\nX-Custom-Name: 1\r\naccept: b\r\nACCEPT: c\r\n"));
        assertThat(head.headers().all("Accept")).containsExactly("a", "b", "c");
        assertThat(head.headers().names()).containsExactly("host", "accept", "x-custom-name");
        assertThat(head.headers().size()).isEqualTo(5);
        assertThat(head.headers().contains("X-CUSTOM-NAME")).isTrue();
        assertThat(head.headers().contains("x-other")).isFalse();
    }

    @Test
    void headerBytesExactlyAtTheLimitAreAccepted() throws IOException {
        String host = "Host: a\r\n"; // 9 bytes
        String filler = "X: " + "v".repeat(100 - host.length() - 5) + "\r\n";
        assertThat(host.length() + filler.length()).isEqualTo(100);
        RequestHead head = parse("GET / HTTP/1.1\r\n" + host + filler + "\r\n", limits(1024, 100, 10, 1000));
        assertThat(head.headers().size()).isEqualTo(2);
    }

    @Test
    void headerBytesOneOverTheLimitAre431() throws IOException {
        String host = "Host: a\r\n";
        String filler = "X: " + "v".repeat(101 - host.length() - 5) + "\r\n";
        assertThat(rejected("GET / HTTP/1.1\r\n" + host + filler + "\r\n", limits(1024, 100, 10, 1000)))
                .isEqualTo(431);
    }

    @Test
    void headerBytesCountBareLfAsOneByte() throws IOException {
        String host = "Host: a\n"; // 8 bytes
        String filler = "X: " + "v".repeat(100 - host.length() - 4) + "\n";
        RequestHead head = parse("GET / HTTP/1.1\n" + host + filler + "\n", limits(1024, 100, 10, 1000));
        assertThat(head.headers().first("x")).hasSize(88);
    }

    @Test
    void endlessHeaderLineIs431() throws IOException {
        assertThat(rejected("GET / HTTP/1.1\r\nHost: a\r\nX: " + "v".repeat(100_000))).isEqualTo(431);
    }

    @Test
    void headerCountExactlyAtTheLimitIsAccepted() throws IOException {
        RequestHead head = parse(get("A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n"), limits(1024, 1024, 5, 1000));
        assertThat(head.headers().size()).isEqualTo(5);
    }

    @Test
    void headerCountOneOverTheLimitIs431() throws IOException {
        assertThat(rejected(get("A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n"), limits(1024, 1024, 5, 1000)))
                .isEqualTo(431);
    }

    // ---- Host ----

    @Test
    void http11WithoutHostIs400() throws IOException {
        assertThat(rejected("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void http10WithoutHostIsFine() throws IOException {
        RequestHead head = parse("GET / HTTP/1.0\r\n\r\n");
        assertThat(head.minorVersion()).isZero();
        assertThat(head.version()).isEqualTo("HTTP/1.0");
        assertThat(head.headers().first("host")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "HTTP/1.1", "HTTP/1.0" })
    void twoHostFieldsAre400(String version) throws IOException {
        assertThat(rejected("GET / " + version + "\r\nHost: a\r\nhost: a\r\n\r\n")).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a b", "a/b", "user@h", "h:port", "h:123456", "[::1", "[]", "h:1:2", "h%zz",
        "[::1]x", "a,b\"", "h?x", "[fe80::1%eth0]" })
    void invalidHostIs400(String host) throws IOException {
        assertThat(rejected("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n")).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "example.com", "Example.COM:8080", "[::1]:80", "[2001:db8::1]", "127.0.0.1", "h:",
        "xn--caf-dma.example", "under_score.local", "a%20b" })
    void validHostIsAccepted(String host) throws IOException {
        assertThat(parse("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").headers().first("host")).isEqualTo(host);
    }

    @Test
    void emptyHostIsValid() throws IOException {
        assertThat(parse("GET / HTTP/1.1\r\nHost:\r\n\r\n").headers().first("host")).isEmpty();
    }

    // ---- Content-Length ----

    @ParameterizedTest
    @CsvSource({ "0,0", "5,5", "007,7", "1048576,1048576" })
    void parsesContentLength(String value, long length) throws IOException {
        RequestHead head = parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + value + "\r\n\r\n");
        assertThat(head.framing()).isEqualTo(new BodyFraming.Length(length));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-1", "+5", "5 5", "5,5", "5, 5", "0x5", "abc", "1.0", "5;", "\"5\"",
        "99999999999999999999", "9223372036854775808" })
    void rejectsABadContentLengthWith400(String value) throws IOException {
        assertThat(rejected("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + value + "\r\n\r\n")).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "5", "6" })
    void rejectsTwoContentLengthsEvenEqual(String second) throws IOException {
        assertThat(rejected(get("Content-Length: 5\r\ncontent-length: " + second + "\r\n"))).isEqualTo(400);
    }

    @Test
    void contentLengthAtMaxBodyIsAccepted() throws IOException {
        RequestHead head = parse(get("Content-Length: 1000\r\n"), limits(1024, 1024, 10, 1000));
        assertThat(head.framing()).isEqualTo(new BodyFraming.Length(1000));
    }

    @Test
    void contentLengthOverMaxBodyIs413() throws IOException {
        assertThat(rejected(get("Content-Length: 1001\r\n"), limits(1024, 1024, 10, 1000))).isEqualTo(413);
    }

    @Test
    void contentLengthAtLongMaxIsStill413NotAnOverflow() throws IOException {
        assertThat(rejected(get("Content-Length: 9223372036854775807\r\n"))).isEqualTo(413);
    }

    @ParameterizedTest
    @ValueSource(strings = { "POST", "PUT", "PATCH" })
    void aBodylessPostIsNotAnError(String method) throws IOException {
        RequestHead head = parse(method + " /x HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(head.framing()).isEqualTo(BodyFraming.NONE);
    }

    // ---- Transfer-Encoding ----

    @ParameterizedTest
    @ValueSource(strings = { "chunked", "Chunked", "CHUNKED", "chunked ", "\tchunked" })
    void acceptsChunked(String value) throws IOException {
        RequestHead head = parse(get("Transfer-Encoding: " + value + "\r\n"));
        assertThat(head.framing()).isEqualTo(BodyFraming.CHUNKED);
    }

    @ParameterizedTest
    @ValueSource(strings = { "gzip", "identity", "chunked, gzip", "chunked, chunked", "chunked,chunked", "xchunked",
        "chunkedx", "\"chunked\"", "chunked;x=1", ", chunked", "chunked,", "chunk ed", "", "chunked, , gzip",
        "chunked\u000b", "ch\u00fcnked" })
    void rejectsTransferEncodingNotEndingInOneChunkedWith400(String value) throws IOException {
        assertThat(rejected(get("Transfer-Encoding: " + value + "\r\n"))).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "gzip, chunked", "identity, chunked", "deflate,chunked", "gzip,\tchunked" })
    void rejectsOtherCodingsBeforeChunkedWith501(String value) throws IOException {
        assertThat(rejected(get("Transfer-Encoding: " + value + "\r\n"))).isEqualTo(501);
    }

    @Test
    void combinesTransferEncodingLines() throws Exception {
        assertThat(rejected(get("Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"))).isEqualTo(501);
        assertThat(rejectedAgain(get("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n")))
                .isEqualTo(400);
        assertThat(rejectedAgain(get("Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n"))).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "Transfer-Encoding: chunked\r\nContent-Length: 0\r\n",
        "Content-Length: 5\r\nTransfer-Encoding: gzip, chunked\r\n" })
    void rejectsContentLengthWithTransferEncoding(String fields) throws IOException {
        assertThat(rejected(get(fields))).isEqualTo(400);
    }

    @Test
    void rejectsTransferEncodingInHttp10() throws IOException {
        assertThat(rejected("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n")).isEqualTo(400);
    }

    // ---- Connection ----

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = { "HTTP/1.1||true", "HTTP/1.1|Connection: close|false",
        "HTTP/1.1|Connection: Close|false", "HTTP/1.1|Connection: keep-alive|true",
        "HTTP/1.1|Connection: upgrade, CLOSE|false", "HTTP/1.1|Connection: keep-alive, close|false",
        "HTTP/1.1|Connection: x-closed|true", "HTTP/1.0||false", "HTTP/1.0|Connection: keep-alive|true",
        "HTTP/1.0|Connection: Keep-Alive|true", "HTTP/1.0|Connection: te ,\tkeep-alive |true",
        "HTTP/1.0|Connection: keep-alive, close|false", "HTTP/1.0|Connection: close|false",
        "HTTP/1.0|Connection: keep-alives|false" })
    void keepAliveFollowsVersionAndConnection(String version, String field, boolean keepAlive)
            throws IOException {
        String fields = field == null ? "" : field + "\r\n";
        RequestHead head = parse("GET / " + version + "\r\nHost: a\r\n" + fields + "\r\n");
        assertThat(head.keepAlive()).isEqualTo(keepAlive);
    }

    @Test
    void connectionTokensFromSeveralLinesCount() throws IOException {
        RequestHead head = parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\nConnection: close\r\n\r\n");
        assertThat(head.keepAlive()).isFalse();
    }

    // ---- Expect ----

    @ParameterizedTest
    @ValueSource(strings = { "100-continue", "100-Continue", "100-CONTINUE", " 100-continue " })
    void expectContinueIsRecognised(String value) throws IOException {
        RequestHead head = parse(get("Content-Length: 3\r\nExpect: " + value + "\r\n"));
        assertThat(head.expectContinue()).isTrue();
    }

    @Test
    void expectContinueIsIgnoredInHttp10() throws IOException {
        RequestHead head = parse("POST / HTTP/1.0\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
        assertThat(head.expectContinue()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "foo", "100-continue, foo", "200-ok", "100-continued" })
    void otherExpectationsAre417(String value) throws IOException {
        assertThat(rejected(get("Expect: " + value + "\r\n"))).isEqualTo(417);
    }

    @Test
    void syntaxErrorsWinOver417() throws IOException {
        assertThat(rejected("GET / HTTP/1.1\r\nExpect: foo\r\n\r\n")).isEqualTo(400);
    }

    // ---- bodies and pipelining ----

    @Test
    void pipelinedRequestsParseInOrderAndBodiesKeepTheStreamAligned() throws IOException {
        sendAndClose("POST /one HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
                + "POST /two HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n"
                + "0\r\nX-Trailer: t\r\n\r\n"
                + "GET /three?q HTTP/1.1\r\nHost: a\r\n\r\n"
                + "\r\nDELETE /four HTTP/1.0\r\nContent-Length: 0\r\n\r\n");
        RequestHead one = RequestParser.readHead(server, LIMITS);
        assertThat(one.path()).isEqualTo("/one");
        assertThat(readAll(RequestParser.body(server, one, LIMITS.maxBody()))).isEqualTo("hello");
        RequestHead two = RequestParser.readHead(server, LIMITS);
        assertThat(two.path()).isEqualTo("/two");
        assertThat(readAll(RequestParser.body(server, two, LIMITS.maxBody()))).isEqualTo("abcde");
        RequestHead three = RequestParser.readHead(server, LIMITS);
        assertThat(three.path()).isEqualTo("/three");
        assertThat(three.rawQuery()).isEqualTo("q");
        assertThat(readAll(RequestParser.body(server, three, LIMITS.maxBody()))).isEmpty();
        RequestHead four = RequestParser.readHead(server, LIMITS);
        assertThat(four.method()).isEqualTo("DELETE");
        assertThat(four.keepAlive()).isFalse();
        assertThat(readAll(RequestParser.body(server, four, LIMITS.maxBody()))).isEmpty();
        assertThat(RequestParser.readHead(server, LIMITS)).isNull();
    }

    @Test
    void aSmuggledSecondRequestInsideABodyIsJustBody() throws IOException {
        String inner = "GET /admin HTTP/1.1\r\nHost: a\r\n\r\n";
        sendAndClose("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + inner.length() + "\r\n\r\n" + inner);
        RequestHead head = RequestParser.readHead(server, LIMITS);
        assertThat(readAll(RequestParser.body(server, head, LIMITS.maxBody()))).isEqualTo(inner);
        assertThat(RequestParser.readHead(server, LIMITS)).isNull();
    }

    @Test
    void bodyStreamTypesFollowTheFraming() throws IOException {
        RequestHead head = parse(get("Content-Length: 2\r\n"));
        assertThat(RequestParser.body(server, head, 10)).isInstanceOf(FixedLengthBodyStream.class);
        RequestHead chunked = new RequestHead("POST", "/", "/", null, 1, new HeaderFields(), BodyFraming.CHUNKED,
                true, false);
        assertThat(RequestParser.body(server, chunked, 10)).isInstanceOf(ChunkedBodyStream.class);
    }

    @Test
    void bodyOverASmallerMaxBodyIs413() throws IOException {
        RequestHead head = parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello world");
        InputStream body = RequestParser.body(server, head, 10);
        assertThat(status(body::read)).isEqualTo(413);
    }

    @Test
    void aShortFixedLengthBodyIsAnEofException() throws IOException {
        RequestHead head = parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhello");
        InputStream body = RequestParser.body(server, head, 100);
        assertThatThrownBy(body::readAllBytes).isInstanceOf(EOFException.class);
    }

    @Test
    void commonNamesAndMethodsAreSharedConstants() throws IOException {
        RequestHead head = parse("GET / HTTP/1.1\r\nHOST: a\r\nContent-Type: x\r\n\r\n");
        assertThat(head.method()).isSameAs("GET");
        assertThat(head.headers().names()).containsExactly("host", "content-type");
        assertThat(((HeaderFields) head.headers()).name(0)).isSameAs(RequestParser.HOST);
    }
}
