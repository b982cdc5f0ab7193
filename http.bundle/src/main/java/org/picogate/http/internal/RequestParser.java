package org.picogate.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.picogate.http.HttpException;
import org.picogate.streams.IncompleteReadException;
import org.picogate.streams.LimitExceededException;
import org.picogate.streams.Stream;

/**
 * The strict HTTP/1.1 request-head parser (RFC 9112, RFC 9110) and the body decoders' entry point.
 *
 * <p>Each line is taken with one buffered {@link Stream#readUntil(byte[], int)} call up to its {@code LF}, and
 * checked byte by byte: that gives exact byte counts for the limits (with {@code CR LF} or a bare {@code LF}), the
 * raw bytes to find a bare {@code CR}, a NUL or a control character in (a UTF-8 decode would hide bad bytes), and
 * a clean difference between a complete line and input that ended mid-line. No regular expressions, no splitting;
 * common methods and field names come out as shared constant strings, so a typical request costs one string per
 * field value plus the target and path.
 *
 * <p>Every protocol violation is an {@link HttpException} with its status; the caller answers with that status
 * and {@code Connection: close}, and reads nothing more from the connection (RFC 9112 9.6, 11.2: never guess
 * where the next request starts). Decisions where the RFCs leave a choice:
 * <ul>
 * <li>request line longer than {@code maxRequestLine} (line end included): 414 (RFC 9112 3);</li>
 * <li>up to {@value #MAX_EMPTY_LINES} empty lines before the request line are skipped (RFC 9112 2.2), more: 400;
 * </li>
 * <li>a bare {@code LF} ends a request line or a field line (RFC 9112 2.2 MAY); a {@code CR} not followed by
 * {@code LF} anywhere: 400 (RFC 9112 2.2 MUST);</li>
 * <li>{@code HTTP/1.0} and {@code HTTP/1.1} are spoken; {@code HTTP/1.2}..{@code HTTP/1.9} are treated as 1.1
 * (RFC 9110 2.5 SHOULD); any other {@code HTTP/x.y}: 505; a version not of that form: 400;</li>
 * <li>request target: origin form; {@code *} only with {@code OPTIONS}; absolute form {@code http://} or
 * {@code https://} (RFC 9112 3.2.2 MUST accept), whose authority replaces the {@code Host} field's value (the
 * {@code Host} field must still be there and valid in 1.1, RFC 9112 3.2); {@code CONNECT} (authority form): 501;
 * anything else: 400. Target bytes must be visible ASCII other than {@code # " < > \}: 400 otherwise;</li>
 * <li>a field line starting with whitespace (obs-fold, or whitespace before the first field): 400 (RFC 9112 5.2,
 * 2.2); whitespace before the colon: 400 (RFC 9112 5.1); a control character other than HTAB in a value: 400
 * (RFC 9110 5.5); header lines ({@code CR LF} included, the empty line ending the head not counted) over
 * {@code maxHeaderBytes}, or more than {@code maxHeaders} of them: 431 (RFC 6585 5);</li>
 * <li>field values are decoded as ISO-8859-1 (lossless for obs-text, RFC 9110 5.5); names are lower-cased;</li>
 * <li>{@code Host}: exactly one in 1.1, at most one in 1.0, syntax {@code uri-host [":" port]} (RFC 9110 7.2,
 * RFC 3986 3.2.2), else 400; an empty value is valid;</li>
 * <li>{@code Content-Length} with {@code Transfer-Encoding}: 400 (RFC 9112 6.1 MAY reject); more than one
 * {@code Content-Length} line, a list, or a value not {@code 1*DIGIT} fitting a {@code long}: 400 (RFC 9112
 * 6.3 item 5); larger than {@code maxBody}: 413;</li>
 * <li>{@code Transfer-Encoding}: in HTTP/1.0: 400 (RFC 9112 6.1 "faulty framing"); codings that are not tokens
 * (quoted, with parameters, empty list elements): 400; final coding not {@code chunked}: 400 (RFC 9112 6.3 item
 * 4 MUST); {@code chunked} twice: 400 (RFC 9112 6.1 MUST NOT); any other coding before a final {@code chunked}
 * ({@code gzip, chunked}): 501, as we decode none (RFC 9112 6.1 SHOULD). Names are case-insensitive (RFC 9112 7);
 * OWS around list elements is part of the grammar and ignored;</li>
 * <li>no {@code Content-Length} and no {@code Transfer-Encoding}: no body, whatever the method (RFC 9112 6.3
 * item 7), never 411;</li>
 * <li>{@code Connection}: a comma list of case-insensitive tokens; {@code close} wins over {@code keep-alive};
 * </li>
 * <li>{@code Expect: 100-continue} (case-insensitive): {@link RequestHead#expectContinue()} in 1.1, ignored in 1.0
 * (RFC 9110 10.1.1 MUST); any other expectation: 417.</li>
 * </ul>
 */
public final class RequestParser {

    /** Empty lines skipped before a request line (RFC 9112 2.2: "SHOULD ignore at least one"). */
    public static final int MAX_EMPTY_LINES = 4;

    private static final byte[] LF = { '\n' };

    /** tchar (RFC 9110 5.6.2). */
    private static final boolean[] TCHAR = new boolean[256];
    /** Bytes allowed raw in a request target. */
    private static final boolean[] TARGET = new boolean[256];
    /** field-vchar, SP and HTAB (RFC 9110 5.5). */
    private static final boolean[] FIELD = new boolean[256];
    /** reg-name and IPv4address characters (RFC 3986 3.2.2): unreserved, sub-delims, and % of pct-encoded. */
    private static final boolean[] REG_NAME = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            boolean alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            TCHAR[c] = alnum || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            TARGET[c] = c > 0x20 && c < 0x7f && "#\"<>\\".indexOf(c) < 0;
            FIELD[c] = c == '\t' || (c >= 0x20 && c != 0x7f);
            REG_NAME[c] = alnum || "-._~!$&'()*+,;=%".indexOf(c) >= 0;
        }
    }

    static final String HOST = "host";
    static final String CONTENT_LENGTH = "content-length";
    static final String TRANSFER_ENCODING = "transfer-encoding";
    static final String CONNECTION = "connection";
    static final String EXPECT = "expect";

    /** Lower-case names shared by every request, by length; compared in place, without allocating. */
    private static final String[][] COMMON_NAMES;

    static {
        String[] common = { HOST, CONTENT_LENGTH, TRANSFER_ENCODING, CONNECTION, EXPECT, "user-agent", "accept",
            "accept-encoding", "accept-language", "accept-charset", "content-type", "content-encoding", "cookie",
            "referer", "origin", "cache-control", "pragma", "if-none-match", "if-modified-since", "if-match",
            "if-unmodified-since", "if-range", "range", "authorization", "upgrade", "te", "trailer", "keep-alive",
            "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-real-ip", "x-requested-with",
            "x-request-id", "forwarded", "via", "date", "dnt", "priority", "sec-fetch-site", "sec-fetch-mode",
            "sec-fetch-dest", "sec-fetch-user", "sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform",
            "upgrade-insecure-requests", "sec-websocket-key", "sec-websocket-version" };
        int max = 0;
        for (String n : common) {
            max = Math.max(max, n.length());
        }
        String[][] byLength = new String[max + 1][];
        for (String n : common) {
            String[] old = byLength[n.length()];
            String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = n;
            byLength[n.length()] = grown;
        }
        COMMON_NAMES = byLength;
    }

    private static final String[] METHODS = { "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH",
        "CONNECT", "TRACE" };

    private RequestParser() {
    }

    /**
     * Reads and checks one request head: request line, header fields, and the empty line after them.
     *
     * @return the head; {@code null} if input ended cleanly before the first byte of a request (empty lines
     *         aside): an idle keep-alive client closed
     * @throws HttpException for every protocol violation, with the status to answer (see the class comment)
     * @throws IOException for I/O errors; input that ends in the middle of a head throws
     *         {@link IncompleteReadException} (an {@link java.io.EOFException}): the client is gone, so there is
     *         nobody to send a 400 to
     */
    public static RequestHead readHead(Stream in, HttpLimits limits) throws IOException {
        byte[] line;
        int end;
        int emptyLines = 0;
        while (true) {
            try {
                line = in.readUntil(LF, limits.maxRequestLine());
            } catch (LimitExceededException e) {
                throw new HttpException(414, "request line longer than " + limits.maxRequestLine() + " bytes");
            } catch (IncompleteReadException e) {
                if (e.partial().length == 0) {
                    return null;
                }
                throw e;
            }
            end = contentEnd(line);
            if (end > 0) {
                break;
            }
            if (++emptyLines > MAX_EMPTY_LINES) {
                throw new HttpException(400, "too many empty lines before the request line");
            }
        }

        // ---- request line: method SP request-target SP HTTP-version (RFC 9112 3) ----
        int sp1 = 0;
        while (sp1 < end && line[sp1] != ' ') {
            if (!TCHAR[line[sp1] & 0xff]) {
                throw new HttpException(400, "bad request line: method is not a token");
            }
            sp1++;
        }
        if (sp1 == 0 || sp1 == end) {
            throw new HttpException(400, "bad request line");
        }
        String method = method(line, sp1);
        int ts = sp1 + 1;
        int sp2 = ts;
        int query = -1;
        int percent = -1;
        while (sp2 < end && line[sp2] != ' ') {
            byte c = line[sp2];
            if (!TARGET[c & 0xff]) {
                throw new HttpException(400, "bad request line: bad character in the request target");
            }
            if (c == '?' && query < 0) {
                query = sp2;
            } else if (c == '%' && query < 0 && percent < 0) {
                percent = sp2;
            }
            sp2++;
        }
        if (sp2 == ts || sp2 == end) {
            throw new HttpException(400, "bad request line");
        }
        int minor = version(line, sp2 + 1, end);
        if (method == "CONNECT") { // the authority form is for proxies; we are an origin server
            throw new HttpException(501, "CONNECT is not supported");
        }

        String target = new String(line, ts, sp2 - ts, StandardCharsets.ISO_8859_1);
        String path;
        String rawQuery = null;
        String authority = null;
        int pathEnd = query < 0 ? sp2 : query;
        if (line[ts] == '/') { // origin-form (RFC 9112 3.2.1)
            if (query < 0 && percent < 0) {
                path = target;
            } else {
                path = PercentDecoding.decodePath(line, ts, pathEnd);
            }
        } else if (sp2 - ts == 1 && line[ts] == '*') { // asterisk-form (RFC 9112 3.2.4)
            if (method != "OPTIONS") {
                throw new HttpException(400, "the asterisk form is only for OPTIONS");
            }
            path = "*";
        } else { // absolute-form (RFC 9112 3.2.2)
            int as = schemeEnd(line, ts, sp2);
            if (as < 0) {
                throw new HttpException(400, "bad request target");
            }
            int ae = as;
            while (ae < pathEnd && line[ae] != '/') {
                ae++;
            }
            if (ae == as) {
                throw new HttpException(400, "absolute-form target without a host"); // RFC 9110 4.2.1
            }
            if (!validHost(line, as, ae)) {
                throw new HttpException(400, "bad host in the request target");
            }
            authority = new String(line, as, ae - as, StandardCharsets.ISO_8859_1);
            path = ae == pathEnd ? "/" : PercentDecoding.decodePath(line, ae, pathEnd);
        }
        if (query >= 0) {
            rawQuery = new String(line, query + 1, sp2 - query - 1, StandardCharsets.ISO_8859_1);
        }

        // ---- header fields (RFC 9112 5) ----
        HeaderFields headers = new HeaderFields();
        int budget = limits.maxHeaderBytes();
        int hosts = 0;
        String host = null;
        long contentLength = -1;
        String transferEncoding = null;
        boolean close = false;
        boolean keepAliveToken = false;
        boolean expect100 = false;
        boolean expectOther = false;
        while (true) {
            try {
                line = in.readUntil(LF, Math.min(budget, Integer.MAX_VALUE - 2) + 2); // + the empty line
            } catch (LimitExceededException e) {
                throw new HttpException(431, "header section larger than " + limits.maxHeaderBytes() + " bytes");
            }
            end = contentEnd(line);
            if (end == 0) {
                break;
            }
            if (line.length > budget) {
                throw new HttpException(431, "header section larger than " + limits.maxHeaderBytes() + " bytes");
            }
            budget -= line.length;
            if (headers.size() >= limits.maxHeaders()) {
                throw new HttpException(431, "more than " + limits.maxHeaders() + " header fields");
            }
            int colon = checkFieldLine(line, end);
            String name = fieldName(line, colon);
            int vs = colon + 1;
            while (vs < end && (line[vs] == ' ' || line[vs] == '\t')) {
                vs++;
            }
            int ve = end;
            while (ve > vs && (line[ve - 1] == ' ' || line[ve - 1] == '\t')) {
                ve--;
            }
            String value = new String(line, vs, ve - vs, StandardCharsets.ISO_8859_1);
            headers.addLower(name, value);
            if (name == HOST) {
                hosts++;
                host = value;
            } else if (name == CONTENT_LENGTH) {
                if (contentLength >= 0) {
                    throw new HttpException(400, "more than one Content-Length");
                }
                contentLength = contentLength(line, vs, ve);
            } else if (name == TRANSFER_ENCODING) {
                transferEncoding = transferEncoding == null ? value : transferEncoding + ", " + value;
            } else if (name == CONNECTION) {
                for (int i = vs; i < ve;) {
                    int e = elementEnd(line, i, ve);
                    int s = trimStart(line, i, e);
                    int t = trimEnd(line, s, e);
                    if (equalsLower(line, s, t, "close")) {
                        close = true;
                    } else if (equalsLower(line, s, t, "keep-alive")) {
                        keepAliveToken = true;
                    }
                    i = e + 1;
                }
            } else if (name == EXPECT) {
                for (int i = vs; i < ve;) {
                    int e = elementEnd(line, i, ve);
                    int s = trimStart(line, i, e);
                    int t = trimEnd(line, s, e);
                    if (equalsLower(line, s, t, "100-continue")) {
                        expect100 = true;
                    } else if (t > s) {
                        expectOther = true;
                    }
                    i = e + 1;
                }
            }
        }

        // ---- the head as a whole ----
        if (hosts > 1 || (hosts == 0 && minor == 1)) {
            throw new HttpException(400, hosts == 0 ? "no Host field" : "more than one Host field"); // 9112 3.2
        }
        if (host != null && !validHost(host)) {
            throw new HttpException(400, "bad Host field");
        }
        if (authority != null) {
            headers.set(HOST, authority); // RFC 9112 3.2.2: the target's authority wins over Host
        }
        BodyFraming framing;
        if (transferEncoding != null) {
            if (minor == 0) {
                throw new HttpException(400, "Transfer-Encoding in an HTTP/1.0 request");
            }
            if (contentLength >= 0) {
                throw new HttpException(400, "both Content-Length and Transfer-Encoding");
            }
            checkTransferEncoding(transferEncoding);
            framing = BodyFraming.CHUNKED;
        } else if (contentLength >= 0) {
            if (contentLength > limits.maxBody()) {
                throw new HttpException(413, "body larger than " + limits.maxBody() + " bytes");
            }
            framing = new BodyFraming.Length(contentLength);
        } else {
            framing = BodyFraming.NONE;
        }
        if (expectOther) {
            throw new HttpException(417, "only 100-continue is supported in Expect");
        }
        boolean keepAlive = !close && (minor == 1 || keepAliveToken);
        return new RequestHead(method, target, path, rawQuery, minor, headers, framing, keepAlive,
                expect100 && minor == 1);
    }

    /**
     * The body of the request whose head is {@code head}, as the head frames it, with trailers limited to the
     * default header limits.
     *
     * @see #body(Stream, RequestHead, long, HttpLimits)
     */
    public static InputStream body(Stream in, RequestHead head, long maxBody) {
        return body(in, head, maxBody, HttpLimits.DEFAULTS);
    }

    /**
     * The body of the request whose head is {@code head}: empty without framing, {@link FixedLengthBodyStream}
     * for {@code Content-Length}, {@link ChunkedBodyStream} for chunked (its trailer section limited by
     * {@code limits.maxHeaderBytes()} and {@code limits.maxHeaders()}). Reading it to its end (-1) leaves
     * {@code in} at the first byte after the body: the next pipelined request. Reading more than
     * {@code maxBody} bytes throws {@link HttpException} 413; the body streams' Javadoc has their other errors.
     * Closing the returned stream does not close or drain {@code in}.
     */
    public static InputStream body(Stream in, RequestHead head, long maxBody, HttpLimits limits) {
        return switch (head.framing()) {
            case BodyFraming.None n -> InputStream.nullInputStream();
            case BodyFraming.Length l -> new FixedLengthBodyStream(in, l.length(), maxBody);
            case BodyFraming.Chunked c -> new ChunkedBodyStream(in, maxBody, limits.maxHeaderBytes(),
                    limits.maxHeaders());
        };
    }

    // ---- pieces ----

    static boolean isTchar(byte c) {
        return TCHAR[c & 0xff];
    }

    /** qdtext (RFC 9110 5.6.4): HTAB, SP, VCHAR but {@code "} and {@code \}, obs-text. */
    static boolean isQdtext(byte c) {
        int v = c & 0xff;
        return v == '\t' || v == ' ' || v == 0x21 || (v >= 0x23 && v <= 0x5b) || (v >= 0x5d && v <= 0x7e)
                || v >= 0x80;
    }

    /** What may follow a backslash in a quoted-pair (RFC 9110 5.6.4): HTAB, SP, VCHAR, obs-text. */
    static boolean isQuotedPairChar(byte c) {
        int v = c & 0xff;
        return v == '\t' || (v >= 0x20 && v != 0x7f);
    }

    /** Where a line's content ends: before its {@code CR LF} or bare {@code LF}. */
    static int contentEnd(byte[] line) {
        int n = line.length - 1; // readUntil includes the LF
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return n;
    }

    /**
     * Checks {@code field-name ":" field-value} in {@code line[0, end)} (RFC 9112 5, RFC 9110 5.5); returns the
     * colon's index.
     */
    static int checkFieldLine(byte[] line, int end) {
        byte first = line[0];
        if (first == ' ' || first == '\t') {
            throw new HttpException(400, "obsolete line folding or whitespace before a field line"); // 9112 5.2
        }
        int colon = 0;
        while (colon < end && TCHAR[line[colon] & 0xff]) {
            colon++;
        }
        if (colon == 0 || colon == end || line[colon] != ':') {
            throw new HttpException(400, "bad header field name"); // includes whitespace before the colon
        }
        for (int i = colon + 1; i < end; i++) {
            if (!FIELD[line[i] & 0xff]) {
                throw new HttpException(400, "control character in a header field value");
            }
        }
        return colon;
    }

    /** The field name {@code line[0, length)} in lower case: a shared constant for the common names. */
    private static String fieldName(byte[] line, int length) {
        if (length < COMMON_NAMES.length) {
            String[] candidates = COMMON_NAMES[length];
            if (candidates != null) {
                for (String candidate : candidates) {
                    if (equalsLower(line, 0, length, candidate)) {
                        return candidate;
                    }
                }
            }
        }
        byte[] lower = new byte[length];
        for (int i = 0; i < length; i++) {
            byte c = line[i];
            lower[i] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
        }
        return new String(lower, StandardCharsets.ISO_8859_1);
    }

    /** Whether {@code b[from, to)} equals the lower-case ASCII {@code s}, ignoring the case of letters. */
    static boolean equalsLower(byte[] b, int from, int to, String s) {
        if (to - from != s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            int c = b[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String method(byte[] line, int length) {
        for (String m : METHODS) {
            if (m.length() == length) {
                boolean same = true;
                for (int i = 0; i < length && same; i++) {
                    same = line[i] == m.charAt(i);
                }
                if (same) {
                    return m;
                }
            }
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** {@code HTTP/1.1} → 1, {@code HTTP/1.0} → 0 (RFC 9112 2.3). */
    private static int version(byte[] b, int from, int to) {
        if (to - from == 8 && b[from] == 'H' && b[from + 1] == 'T' && b[from + 2] == 'T' && b[from + 3] == 'P'
                && b[from + 4] == '/' && isDigit(b[from + 5]) && b[from + 6] == '.' && isDigit(b[from + 7])) {
            if (b[from + 5] == '1') {
                return b[from + 7] == '0' ? 0 : 1; // 1.2..1.9 as 1.1 (RFC 9110 2.5)
            }
            throw new HttpException(505, "HTTP version not supported");
        }
        throw new HttpException(400, "bad HTTP version");
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** After {@code http://} or {@code https://} (scheme in any case) at {@code from}: the authority's start. */
    private static int schemeEnd(byte[] b, int from, int to) {
        int i = from;
        if (i + 7 <= to && equalsLower(b, i, i + 7, "http://")) {
            return i + 7;
        }
        if (i + 8 <= to && equalsLower(b, i, i + 8, "https://")) {
            return i + 8;
        }
        return -1;
    }

    private static boolean validHost(String host) {
        byte[] b = host.getBytes(StandardCharsets.ISO_8859_1);
        return validHost(b, 0, b.length);
    }

    /**
     * {@code uri-host [":" port]} (RFC 9110 7.2, RFC 3986 3.2.2): an IP-literal of hex digits, colons and dots in
     * brackets, or a reg-name / IPv4 address (no userinfo); a port of up to 5 digits. Empty is valid.
     */
    static boolean validHost(byte[] b, int from, int to) {
        int i = from;
        if (i < to && b[i] == '[') {
            i++;
            int start = i;
            while (i < to && b[i] != ']') {
                byte c = b[i];
                if (!(PercentDecoding.hex(c) >= 0 || c == ':' || c == '.')) {
                    return false;
                }
                i++;
            }
            if (i == to || i == start) {
                return false;
            }
            i++;
        } else {
            while (i < to && b[i] != ':') {
                if (!REG_NAME[b[i] & 0xff]) {
                    return false;
                }
                if (b[i] == '%' && (i + 2 >= to || PercentDecoding.hex(b[i + 1]) < 0
                        || PercentDecoding.hex(b[i + 2]) < 0)) {
                    return false;
                }
                i++;
            }
        }
        if (i == to) {
            return true;
        }
        if (b[i] != ':' || to - i - 1 > 5) {
            return false;
        }
        for (i++; i < to; i++) {
            if (!isDigit(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code 1*DIGIT} as a long (RFC 9110 8.6); 400 otherwise, lists ({@code 5, 5}) included. */
    private static long contentLength(byte[] b, int from, int to) {
        if (from == to) {
            throw new HttpException(400, "empty Content-Length");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (!isDigit(c)) {
                throw new HttpException(400, "bad Content-Length");
            }
            int d = c - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                throw new HttpException(400, "Content-Length too large");
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Checks that the transfer codings end with one {@code chunked}; see the class comment for the statuses. */
    private static void checkTransferEncoding(String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        int n = b.length;
        int chunked = 0;
        boolean other = false;
        boolean lastChunked = false;
        for (int i = 0; i <= n;) {
            int e = elementEnd(b, i, n);
            int s = trimStart(b, i, e);
            int t = trimEnd(b, s, e);
            if (s == t) {
                throw new HttpException(400, "empty element in Transfer-Encoding");
            }
            for (int k = s; k < t; k++) {
                if (!TCHAR[b[k] & 0xff]) {
                    throw new HttpException(400, "bad transfer coding in Transfer-Encoding");
                }
            }
            lastChunked = equalsLower(b, s, t, "chunked");
            if (lastChunked) {
                chunked++;
            } else {
                other = true;
            }
            i = e + 1;
        }
        if (!lastChunked) {
            throw new HttpException(400, "chunked is not the final transfer coding"); // RFC 9112 6.3 item 4
        }
        if (chunked > 1) {
            throw new HttpException(400, "chunked applied more than once"); // RFC 9112 6.1
        }
        if (other) {
            throw new HttpException(501, "transfer coding not implemented"); // RFC 9112 6.1
        }
    }

    /** The index of the comma that ends the list element starting at {@code from}, or {@code to}. */
    private static int elementEnd(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] != ',') {
            i++;
        }
        return i;
    }

    /** The first index in {@code [from, to)} that is not SP or HTAB, or {@code to}. */
    private static int trimStart(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        return from;
    }

    /** {@code to} moved back over trailing SP and HTAB, not before {@code from}. */
    private static int trimEnd(byte[] b, int from, int to) {
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        return to;
    }
}
