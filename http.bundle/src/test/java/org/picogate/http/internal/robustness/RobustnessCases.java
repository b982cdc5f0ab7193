package org.picogate.http.internal.robustness;

import static org.picogate.http.internal.robustness.RobustnessCase.send;

import java.util.List;

/**
 * The table of {@link HttpRobustnessTest}: each row from RFC 9112/9110 or from published request-smuggling
 * research (PortSwigger, "HTTP Desync Attacks: Request Smuggling Reborn", 2019, and its CL.TE / TE.CL / TE.TE
 * variants with obfuscated {@code Transfer-Encoding}). Where the RFC leaves a choice, the row states the server's
 * documented choice ({@code RequestParser}, {@code ChunkedBodyStream}). The server's limits here are the defaults
 * with {@code maxBody} {@value HttpRobustnessTest#MAX_BODY}.
 */
final class RobustnessCases {
    private static final String H = "Host: gw\r\n";
    private static final String GET = "GET / HTTP/1.1\r\n" + H;
    private static final String POST = "POST / HTTP/1.1\r\n" + H;
    private static final String TE = "Transfer-Encoding: chunked\r\n";
    private static final String CHUNKED_HELLO = "5\r\nhello\r\n0\r\n\r\n";
    private static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\n" + H + "\r\n";

    private RobustnessCases() {
    }

    static List<RobustnessCase> all() {
        return List.of(
            // ---- well-formed requests: the baseline every other row is measured against ----
            send("plain GET", "RFC 9112 3", GET + "\r\n").answersKeepsOpen(200).withBody("GET / 0"),
            send("POST with Content-Length", "RFC 9112 6.2", POST + "Content-Length: 5\r\n\r\nhello")
                .answersKeepsOpen(200).withBody("POST / 5"),
            send("POST chunked", "RFC 9112 7.1", POST + TE + "\r\n" + CHUNKED_HELLO)
                .answersKeepsOpen(200).withBody("POST / 5"),
            send("HTTP/1.0 without Host, no keep-alive", "RFC 9112 9.3", "GET / HTTP/1.0\r\n\r\n")
                .answersThenCloses(200),
            send("Connection: close", "RFC 9112 9.6", GET + "Connection: close\r\n\r\n").answersThenCloses(200),
            send("two pipelined requests", "RFC 9112 9.3.2", GET + "\r\n" + GET + "\r\n")
                .answersKeepsOpen(200, 200),
            send("up to four empty lines before the request line", "RFC 9112 2.2", "\r\n\r\n\n" + GET + "\r\n")
                .answersKeepsOpen(200),
            send("five empty lines before the request line", "RFC 9112 2.2", "\r\n\r\n\r\n\r\n\r\n" + GET + "\r\n")
                .answersThenCloses(400),

            // ---- Content-Length and Transfer-Encoding together (CL.TE, TE.CL) ----
            send("CL.TE: Content-Length then chunked", "Desync CL.TE",
                    POST + "Content-Length: 6\r\n" + TE + "\r\n0\r\n\r\nG").answersThenCloses(400),
            send("TE.CL: chunked then Content-Length", "Desync TE.CL",
                    POST + TE + "Content-Length: 4\r\n\r\n5c\r\nGPOST / HTTP/1.1\r\n\r\n0\r\n\r\n")
                .answersThenCloses(400),
            send("TE with Content-Length: 0 hiding a request", "Desync TE.CL",
                    POST + "Content-Length: 0\r\n" + TE + "\r\n" + CHUNKED_HELLO + SMUGGLED).answersThenCloses(400),

            // ---- Content-Length values (RFC 9110 8.6: 1*DIGIT; RFC 9112 6.3 item 5) ----
            send("two equal Content-Length lines", "RFC 9112 6.3 (5): may reject",
                    POST + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello").answersThenCloses(400),
            send("two different Content-Length lines", "RFC 9112 6.3 (5)",
                    POST + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!").answersThenCloses(400),
            send("Content-Length list 5, 5", "RFC 9112 6.3 (5): may reject",
                    POST + "Content-Length: 5, 5\r\n\r\nhello").answersThenCloses(400),
            send("Content-Length: +5", "RFC 9110 8.6", POST + "Content-Length: +5\r\n\r\nhello")
                .answersThenCloses(400),
            send("Content-Length: -1", "RFC 9110 8.6", POST + "Content-Length: -1\r\n\r\n").answersThenCloses(400),
            send("Content-Length: 0x10", "RFC 9110 8.6", POST + "Content-Length: 0x10\r\n\r\n0123456789abcdef")
                .answersThenCloses(400),
            send("Content-Length: 5a", "RFC 9110 8.6", POST + "Content-Length: 5a\r\n\r\nhello")
                .answersThenCloses(400),
            send("Content-Length: 5 5", "RFC 9110 8.6", POST + "Content-Length: 5 5\r\n\r\nhello")
                .answersThenCloses(400),
            send("empty Content-Length", "RFC 9110 8.6", POST + "Content-Length:\r\n\r\n").answersThenCloses(400),
            send("Content-Length with OWS around it", "RFC 9110 5.5: OWS is not part of the value",
                    POST + "Content-Length:  5 \r\n\r\nhello").answersKeepsOpen(200).withBody("POST / 5"),
            send("Content-Length with leading zeros", "RFC 9110 8.6: 1*DIGIT",
                    POST + "Content-Length: 005\r\n\r\nhello").answersKeepsOpen(200).withBody("POST / 5"),
            send("Content-Length past a long", "RFC 9110 8.6", POST + "Content-Length: 99999999999999999999\r\n\r\n")
                .answersThenCloses(400),
            send("Content-Length at Long.MAX_VALUE", "RFC 9110 15.5.14",
                    POST + "Content-Length: 9223372036854775807\r\n\r\n").answersThenCloses(413),
            send("Content-Length over maxBody", "RFC 9110 15.5.14", POST + "Content-Length: 5000\r\n\r\n")
                .answersThenCloses(413),
            send("Content-Length with a vertical tab", "RFC 9110 5.5",
                    POST + "Content-Length: 5\u000b\r\n\r\nhello").answersThenCloses(400),

            // ---- obfuscated Transfer-Encoding (TE.TE) ----
            send("Transfer-Encoding: chunked ,x", "Desync TE.TE", POST + "Transfer-Encoding: chunked ,x\r\n\r\n"
                    + CHUNKED_HELLO).answersThenCloses(400),
            send("Transfer-Encoding: xchunked", "Desync TE.TE", POST + "Transfer-Encoding: xchunked\r\n\r\n"
                    + CHUNKED_HELLO).answersThenCloses(400),
            send("Transfer-Encoding : chunked (space before colon)", "Desync TE.TE; RFC 9112 5.1",
                    POST + "Transfer-Encoding : chunked\r\n\r\n" + CHUNKED_HELLO).answersThenCloses(400),
            send("Transfer-Encoding:<TAB>chunked", "RFC 9110 5.6.3: HTAB is OWS",
                    POST + "Transfer-Encoding:\tchunked\r\n\r\n" + CHUNKED_HELLO).answersKeepsOpen(200)
                .withBody("POST / 5"),
            send("Transfer-Encoding: chunked<VT>", "Desync TE.TE; RFC 9110 5.5",
                    POST + "Transfer-Encoding: chunked\u000b\r\n\r\n" + CHUNKED_HELLO).answersThenCloses(400),
            send("Transfer-Encoding:<VT>chunked", "Desync TE.TE; RFC 9110 5.5",
                    POST + "Transfer-Encoding:\u000bchunked\r\n\r\n" + CHUNKED_HELLO).answersThenCloses(400),
            send("Transfer-Encoding folded onto the next line", "Desync TE.TE; RFC 9112 5.2",
                    POST + "Transfer-Encoding:\r\n chunked\r\n\r\n" + CHUNKED_HELLO).answersThenCloses(400),
            send("leading space before Transfer-Encoding", "Desync TE.TE; RFC 9112 5.2",
                    POST + " Transfer-Encoding: chunked\r\n\r\n" + CHUNKED_HELLO).answersThenCloses(400),
            send("Transfer-Encoding chunked twice", "RFC 9112 6.1: MUST NOT apply chunked twice",
                    POST + TE + TE + "\r\n" + CHUNKED_HELLO).answersThenCloses(400),
            send("Transfer-Encoding chunked then x", "Desync TE.TE; RFC 9112 6.3 (4)",
                    POST + TE + "Transfer-Encoding: x\r\n\r\n" + CHUNKED_HELLO).answersThenCloses(400),
            send("Transfer-Encoding x then chunked", "RFC 9112 6.1: unknown coding, 501",
                    POST + "Transfer-Encoding: x\r\n" + TE + "\r\n" + CHUNKED_HELLO).answersThenCloses(501),
            send("Transfer-Encoding: gzip, chunked", "RFC 9112 6.1: unknown coding, 501",
                    POST + "Transfer-Encoding: gzip, chunked\r\n\r\n" + CHUNKED_HELLO).answersThenCloses(501),
            send("Transfer-Encoding: CHUNKED", "RFC 9112 7: case-insensitive",
                    POST + "Transfer-Encoding: CHUNKED\r\n\r\n" + CHUNKED_HELLO).answersKeepsOpen(200)
                .withBody("POST / 5"),
            send("Transfer-Encoding: \"chunked\"", "RFC 9112 7: a coding is a token",
                    POST + "Transfer-Encoding: \"chunked\"\r\n\r\n" + CHUNKED_HELLO).answersThenCloses(400),
            send("Transfer-Encoding: chunked;q=1", "RFC 9112 7", POST + "Transfer-Encoding: chunked;q=1\r\n\r\n"
                    + CHUNKED_HELLO).answersThenCloses(400),
            send("Transfer-Encoding: identity", "RFC 9112 6.3 (4)", POST + "Transfer-Encoding: identity\r\n\r\n"
                    + CHUNKED_HELLO).answersThenCloses(400),
            send("Transfer-Encoding: chunked, (empty element)", "RFC 9110 5.6.1",
                    POST + "Transfer-Encoding: chunked,\r\n\r\n" + CHUNKED_HELLO).answersThenCloses(400),
            send("Transfer_Encoding is another field: no body, then garbage", "Desync TE.TE",
                    POST + "Transfer_Encoding: chunked\r\n\r\n" + CHUNKED_HELLO).answersThenCloses(200, 400)
                .withBody("POST / 0"),
            send("Transfer-Encoding in HTTP/1.0", "RFC 9112 6.1: faulty framing",
                    "POST / HTTP/1.0\r\n" + TE + "\r\n" + CHUNKED_HELLO).answersThenCloses(400),

            // ---- chunk sizes ----
            send("chunk size ffffffffffffffffff", "RFC 9112 7.1: overflow",
                    POST + TE + "\r\nffffffffffffffffff\r\nhello\r\n0\r\n\r\n").answersThenCloses(400),
            send("chunk size -1", "RFC 9112 7.1", POST + TE + "\r\n-1\r\nhello\r\n0\r\n\r\n").answersThenCloses(400),
            send("chunk size +5", "RFC 9112 7.1", POST + TE + "\r\n+5\r\nhello\r\n0\r\n\r\n").answersThenCloses(400),
            send("chunk size 0x5", "RFC 9112 7.1", POST + TE + "\r\n0x5\r\nhello\r\n0\r\n\r\n")
                .answersThenCloses(400),
            send("chunk size with leading space", "RFC 9112 7.1", POST + TE + "\r\n 5\r\nhello\r\n0\r\n\r\n")
                .answersThenCloses(400),
            send("chunk size with trailing space and no extension", "RFC 9112 7.1.1: BWS only before ;",
                    POST + TE + "\r\n5 \r\nhello\r\n0\r\n\r\n").answersThenCloses(400),
            send("chunk size upper-case hex with leading zeros", "RFC 9112 7.1: 1*HEXDIG",
                    POST + TE + "\r\n0000A\r\n0123456789\r\n0\r\n\r\n").answersKeepsOpen(200)
                .withBody("POST / 10"),
            send("chunks past maxBody", "RFC 9110 15.5.14", POST + TE + "\r\n1001\r\n").answersThenCloses(413),
            send("no last chunk, input ends", "RFC 9112 8: incomplete message", POST + TE + "\r\n5\r\nhello\r\n")
                .thenFin().noAnswerCloses(),

            // ---- chunk extensions and chunk data framing ----
            send("bare ; extension", "RFC 9112 7.1.1: chunk-ext-name is a token",
                    POST + TE + "\r\n5;\r\nhello\r\n0\r\n\r\n").answersThenCloses(400),
            send("quoted extension value with ; inside", "RFC 9112 7.1.1",
                    POST + TE + "\r\n5;a=\"b;c\"\r\nhello\r\n0\r\n\r\n").answersKeepsOpen(200).withBody("POST / 5"),
            send("extension with BWS around ; and =", "RFC 9112 7.1.1",
                    POST + TE + "\r\n5 ; a = b\r\nhello\r\n0\r\n\r\n").answersKeepsOpen(200).withBody("POST / 5"),
            send("unterminated quoted extension", "RFC 9112 7.1.1",
                    POST + TE + "\r\n5;a=\"b\r\nhello\r\n0\r\n\r\n").answersThenCloses(400),
            send("extension with a NUL", "RFC 9112 7.1.1", POST + TE + "\r\n5;a\0=b\r\nhello\r\n0\r\n\r\n")
                .answersThenCloses(400),
            send("huge chunk extension (8 KB)", "RFC 9112 7.1.1: limit extensions",
                    POST + TE + "\r\n5;a=" + "x".repeat(8192) + "\r\nhello\r\n0\r\n\r\n").answersThenCloses(400),
            send("many small chunk extensions within the line limit", "RFC 9112 7.1.1",
                    POST + TE + "\r\n5" + ";a=b".repeat(500) + "\r\nhello\r\n0\r\n\r\n").answersKeepsOpen(200)
                .withBody("POST / 5"),
            send("chunk data longer than its size", "RFC 9112 7.1: missing CRLF after data",
                    POST + TE + "\r\n5\r\nhelloX\r\n0\r\n\r\n").answersThenCloses(400),
            send("chunk data followed by a bare LF", "RFC 9112 7.1",
                    POST + TE + "\r\n5\r\nhello\n0\r\n\r\n").answersThenCloses(400),
            send("chunk line ended by a bare LF", "RFC 9112 7.1", POST + TE + "\r\n5\nhello\r\n0\r\n\r\n")
                .answersThenCloses(400),
            send("chunk line ended by a bare CR", "RFC 9112 2.2", POST + TE + "\r\n5\rhello\r\n0\r\n\r\n")
                .answersThenCloses(400),
            send("valid trailer field", "RFC 9112 7.1.2", POST + TE + "\r\n5\r\nhello\r\n0\r\nX-T: 1\r\n\r\n")
                .answersKeepsOpen(200).withBody("POST / 5"),
            send("trailer field with a space in its name", "RFC 9112 7.1.2",
                    POST + TE + "\r\n5\r\nhello\r\n0\r\nX T: 1\r\n\r\n").answersThenCloses(400),
            send("chunked body then a smuggled request", "Desync: the next request is answered as one",
                    POST + TE + "\r\n" + CHUNKED_HELLO + SMUGGLED).answersKeepsOpen(200, 200),

            // ---- bare CR and LF in the head ----
            send("bare LF line ends in the head", "RFC 9112 2.2: MAY accept",
                    "GET / HTTP/1.1\nHost: gw\n\n").answersKeepsOpen(200),
            send("bare CR in the request line", "RFC 9112 2.2: MUST reject",
                    "GET / HTTP/1.1\rHost: gw\r\n\r\n").answersThenCloses(400),
            send("bare CR inside a header value", "RFC 9112 2.2", GET + "X: a\rb\r\n\r\n").answersThenCloses(400),
            send("CR CR LF after a header value", "RFC 9112 2.2", GET + "X: a\r\r\n\r\n").answersThenCloses(400),
            send("bare LF inside the request line splits it", "RFC 9112 3",
                    "GET /\n HTTP/1.1\r\n" + H + "\r\n").answersThenCloses(400),

            // ---- NUL and control bytes ----
            send("NUL in a header value", "RFC 9110 5.5", GET + "X: a\0b\r\n\r\n").answersThenCloses(400),
            send("NUL in a header name", "RFC 9110 5.1", GET + "X\0Y: a\r\n\r\n").answersThenCloses(400),
            send("NUL in the target", "RFC 9112 3.2", "GET /a\0b HTTP/1.1\r\n" + H + "\r\n").answersThenCloses(400),
            send("DEL in a header value", "RFC 9110 5.5", GET + "X: a\u007fb\r\n\r\n").answersThenCloses(400),
            send("control byte in the method", "RFC 9110 9.1: token", "G\u0001T / HTTP/1.1\r\n" + H + "\r\n")
                .answersThenCloses(400),
            send("ESC in a header value", "RFC 9110 5.5", GET + "X: \u001b[31m\r\n\r\n").answersThenCloses(400),
            send("obs-text and HTAB in a header value", "RFC 9110 5.5: allowed",
                    GET + "X: caf\u00e9\tx\r\n\r\n").answersKeepsOpen(200),

            // ---- header names ----
            send("Host : gw (space before colon)", "RFC 9112 5.1: MUST reject",
                    "GET / HTTP/1.1\r\nHost : gw\r\n\r\n").answersThenCloses(400),
            send("header name with a space", "RFC 9110 5.1", GET + "X Y: z\r\n\r\n").answersThenCloses(400),
            send("empty header name", "RFC 9110 5.1", GET + ": z\r\n\r\n").answersThenCloses(400),
            send("header line without a colon", "RFC 9112 5", GET + "NoColon\r\n\r\n").answersThenCloses(400),
            send("obs-fold continuation line", "RFC 9112 5.2: may reject with 400",
                    GET + "X: a\r\n b\r\n\r\n").answersThenCloses(400),
            send("header name with a slash", "RFC 9110 5.6.2: not a tchar", GET + "X/Y: z\r\n\r\n")
                .answersThenCloses(400),

            // ---- request targets ----
            send("absolute-form", "RFC 9112 3.2.2: MUST accept",
                    "GET http://gw/x?y=1 HTTP/1.1\r\n" + H + "\r\n").answersKeepsOpen(200).withBody("GET /x 0"),
            send("absolute-form overrides Host", "RFC 9112 3.2.2",
                    "GET HTTP://other:8080 HTTP/1.1\r\n" + H + "\r\n").answersKeepsOpen(200).withBody("GET / 0"),
            send("absolute-form with another scheme", "RFC 9112 3.2.2", "GET ftp://gw/x HTTP/1.1\r\n" + H + "\r\n")
                .answersThenCloses(400),
            send("absolute-form with userinfo", "RFC 9110 4.2.4: no userinfo",
                    "GET http://u:p@gw/ HTTP/1.1\r\n" + H + "\r\n").answersThenCloses(400),
            send("OPTIONS *", "RFC 9110 9.3.7", "OPTIONS * HTTP/1.1\r\n" + H + "\r\n").answersKeepsOpen(200),
            send("GET *", "RFC 9112 3.2.4: asterisk-form only for OPTIONS", "GET * HTTP/1.1\r\n" + H + "\r\n")
                .answersThenCloses(400),
            send("authority-form on GET", "RFC 9112 3.2.3: only for CONNECT",
                    "GET gw:80 HTTP/1.1\r\n" + H + "\r\n").answersThenCloses(400),
            send("CONNECT", "RFC 9110 9.3.6: an origin server may refuse", "CONNECT gw:443 HTTP/1.1\r\n" + H
                    + "\r\n").answersThenCloses(501),
            send("percent-escape with non-hex digits", "RFC 3986 2.1", "GET /%zz HTTP/1.1\r\n" + H + "\r\n")
                .answersThenCloses(400),
            send("truncated percent-escape", "RFC 3986 2.1", "GET /a%4 HTTP/1.1\r\n" + H + "\r\n")
                .answersThenCloses(400),
            send("percent-encoded NUL in the path", "RFC 3986 7.3", "GET /a%00b HTTP/1.1\r\n" + H + "\r\n")
                .answersThenCloses(400),
            send("percent-encoded bytes that are not UTF-8", "RFC 3986 2.5", "GET /%ff%fe HTTP/1.1\r\n" + H
                    + "\r\n").answersThenCloses(400),
            send("percent-encoded UTF-8", "RFC 3986 2.5", "GET /caf%C3%A9 HTTP/1.1\r\n" + H + "\r\n")
                .answersKeepsOpen(200).withBody("GET /caf\u00c3\u00a9 0"),
            send("space inside the target", "RFC 9112 3", "GET /a b HTTP/1.1\r\n" + H + "\r\n")
                .answersThenCloses(400),
            send("fragment in the target", "RFC 9112 3.2", "GET /a#b HTTP/1.1\r\n" + H + "\r\n")
                .answersThenCloses(400),
            send("raw non-ASCII byte in the target", "RFC 9112 3.2", "GET /caf\u00e9 HTTP/1.1\r\n" + H + "\r\n")
                .answersThenCloses(400),
            send("two spaces after the method", "RFC 9112 3", "GET  / HTTP/1.1\r\n" + H + "\r\n")
                .answersThenCloses(400),

            // ---- over-long everything ----
            send("request line one byte over the limit", "RFC 9112 3: 414",
                    "GET /" + "a".repeat(8192 - 15) + " HTTP/1.1\r\n" + H + "\r\n").answersThenCloses(414),
            send("request line at the limit", "RFC 9112 3",
                    "GET /" + "a".repeat(8192 - 16) + " HTTP/1.1\r\n" + H + "\r\n").answersKeepsOpen(200),
            send("header section over the limit", "RFC 6585 5: 431",
                    GET + "X: " + "a".repeat(16384) + "\r\n\r\n").answersThenCloses(431),
            send("101 header lines", "RFC 6585 5: 431", GET + "X: 1\r\n".repeat(100) + "\r\n").answersThenCloses(431),
            send("100 header lines", "RFC 6585 5", GET + "X: 1\r\n".repeat(99) + "\r\n").answersKeepsOpen(200),
            send("endless header line without LF", "RFC 6585 5: 431", GET + "X: " + "a".repeat(40000))
                .answersThenCloses(431),
            send("endless request line without LF", "RFC 9112 3: 414", "GET /" + "a".repeat(40000))
                .answersThenCloses(414),

            // ---- versions ----
            send("HTTP/0.9 request line", "RFC 9112 2.3: no 0.9", "GET /\r\n\r\n").answersThenCloses(400),
            send("HTTP/2.0 in an HTTP/1 request line", "RFC 9110 15.6.6: 505", "GET / HTTP/2.0\r\n" + H + "\r\n")
                .answersThenCloses(505),
            send("HTTP/1.2 spoken as 1.1", "RFC 9110 2.5: SHOULD", "GET / HTTP/1.2\r\n" + H + "\r\n")
                .answersKeepsOpen(200),
            send("lower-case http/1.1", "RFC 9112 2.3: case-sensitive", "GET / http/1.1\r\n" + H + "\r\n")
                .answersThenCloses(400),
            send("HTTP/11", "RFC 9112 2.3", "GET / HTTP/11\r\n" + H + "\r\n").answersThenCloses(400),
            send("HTTP/1.1 with a trailing space", "RFC 9112 3", "GET / HTTP/1.1 \r\n" + H + "\r\n")
                .answersThenCloses(400),
            send("HTTP/2 connection preface", "RFC 9113 3.4", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
                .answersThenCloses(505),

            // ---- Host ----
            send("HTTP/1.1 without Host", "RFC 9112 3.2: MUST 400", "GET / HTTP/1.1\r\n\r\n").answersThenCloses(400),
            send("two Host fields", "RFC 9112 3.2: MUST 400", GET + H + "\r\n").answersThenCloses(400),
            send("Host with userinfo", "RFC 9110 7.2", "GET / HTTP/1.1\r\nHost: u@gw\r\n\r\n")
                .answersThenCloses(400),
            send("Host with a bad port", "RFC 9110 7.2", "GET / HTTP/1.1\r\nHost: gw:80x\r\n\r\n")
                .answersThenCloses(400),
            send("empty Host", "RFC 9110 7.2: valid when the target has no authority",
                    "GET / HTTP/1.1\r\nHost:\r\n\r\n").answersKeepsOpen(200),
            send("Host as a list", "RFC 9110 7.2", "GET / HTTP/1.1\r\nHost: a, b\r\n\r\n").answersThenCloses(400),

            // ---- pipelined garbage, early end, expectations ----
            send("valid request then garbage", "RFC 9112 9.3.2", GET + "\r\nXYZ\r\n\r\n").answersThenCloses(200, 400),
            send("valid request then binary bytes", "RFC 9112 9.3.2", GET + "\r\n\u0016\u0003\u0001\u0000\u00a5\r\n")
                .answersThenCloses(200, 400),
            send("valid request then a body it did not announce", "Desync: CL.0",
                    GET + "\r\n0\r\n\r\n").answersThenCloses(200, 400),
            send("TLS ClientHello on the plain port, no LF in it, then FIN", "RFC 9112 8: incomplete head",
                    "\u0016\u0003\u0001\u0002\u0000\u0001").thenFin().noAnswerCloses(),
            send("TLS-like bytes ended by a line end", "RFC 9112 3: method is a token",
                    "\u0016\u0003\u0001\u0002\u0000\u0001\r\n\r\n").answersThenCloses(400),
            send("head ends early", "RFC 9112 8", GET + "X: 1\r\n").thenFin().noAnswerCloses(),
            send("Content-Length body ends early", "RFC 9112 8",
                    POST + "Content-Length: 10\r\n\r\nhel").thenFin().noAnswerCloses(),
            send("Expect: 100-continue", "RFC 9110 10.1.1",
                    POST + "Expect: 100-continue\r\nContent-Length: 5\r\n\r\nhello").answersKeepsOpen(100, 200),
            send("Expect: something else", "RFC 9110 10.1.1: 417", GET + "Expect: x\r\n\r\n").answersThenCloses(417));
    }
}
