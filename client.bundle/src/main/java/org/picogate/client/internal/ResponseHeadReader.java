package org.picogate.client.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.picogate.client.Headers;
import org.picogate.client.HttpProtocolException;
import org.picogate.streams.IncompleteReadException;
import org.picogate.streams.LimitExceededException;
import org.picogate.streams.Stream;

/**
 * Reads a response head (RFC 9112 4 and 5) strictly: {@code HTTP/1.x NNN reason}, then {@code name: value}
 * lines up to an empty one. Limits: {@link #MAX_LINE} bytes per line, {@link #MAX_HEAD} bytes and
 * {@link #MAX_FIELDS} fields in all, so an endless head ends in an {@link HttpProtocolException}. Obsolete line
 * folding, a space before the colon and control characters are errors (RFC 9112 5.1, 5.2).
 */
final class ResponseHeadReader {
    static final int MAX_LINE = 8192;
    static final int MAX_HEAD = 65536;
    static final int MAX_FIELDS = 128;
    private static final byte[] LF = { '\n' };

    private ResponseHeadReader() {
    }

    /**
     * The next head from {@code stream}.
     *
     * @return the head, or {@code null} if input ended before its first byte (a closed keep-alive connection)
     * @throws HttpProtocolException if the head is malformed, too long, or cut short
     */
    static ResponseHead read(Stream stream, URI url) throws IOException {
        byte[] statusLine;
        try {
            statusLine = stream.readUntil(LF, MAX_LINE);
        } catch (IncompleteReadException e) {
            if (e.partial().length == 0) {
                return null;
            }
            throw new HttpProtocolException(url, "the connection ended within the status line", e.partial());
        } catch (LimitExceededException e) {
            throw new HttpProtocolException(url, "status line longer than " + MAX_LINE + " bytes", null);
        }
        int end = lineEnd(statusLine, url, "status line");
        // HTTP/1.x SP 3DIGIT SP reason (the reason may be empty, its space too: be lenient there only)
        if (end < 12 || !startsWith(statusLine, "HTTP/1.") || (statusLine[7] != '1' && statusLine[7] != '0')
                || statusLine[8] != ' ' || !digit(statusLine[9]) || !digit(statusLine[10]) || !digit(statusLine[11])
                || (end > 12 && statusLine[12] != ' ')) {
            throw new HttpProtocolException(url, "malformed status line", statusLine);
        }
        int status = (statusLine[9] - '0') * 100 + (statusLine[10] - '0') * 10 + (statusLine[11] - '0');
        if (status < 100) {
            throw new HttpProtocolException(url, "status code below 100", statusLine);
        }
        for (int i = 13; i < end; i++) {
            int b = statusLine[i] & 0xff;
            if ((b < 0x20 && b != '\t') || b == 0x7f) {
                throw new HttpProtocolException(url, "control character in the reason phrase", statusLine);
            }
        }
        String reason = end > 13 ? new String(statusLine, 13, end - 13, StandardCharsets.ISO_8859_1) : "";
        List<String> fields = new ArrayList<>(16);
        int headBytes = statusLine.length;
        while (true) {
            byte[] line;
            try {
                line = stream.readUntil(LF, Math.min(MAX_LINE, MAX_HEAD - headBytes));
            } catch (IncompleteReadException e) {
                throw new HttpProtocolException(url, "the connection ended within the header section", e.partial());
            } catch (LimitExceededException e) {
                throw new HttpProtocolException(url, headBytes + MAX_LINE >= MAX_HEAD ? "response head longer than "
                        + MAX_HEAD + " bytes" : "header line longer than " + MAX_LINE + " bytes", null);
            }
            headBytes += line.length;
            int lineEnd = lineEnd(line, url, "header line");
            if (lineEnd == 0) {
                break;
            }
            if (fields.size() / 2 >= MAX_FIELDS) {
                throw new HttpProtocolException(url, "more than " + MAX_FIELDS + " header fields", line);
            }
            parseField(line, lineEnd, fields, url);
        }
        return new ResponseHead(statusLine[7] == '1', status, reason, Headers.of(fields.toArray(new String[0])));
    }

    private static void parseField(byte[] line, int end, List<String> fields, URI url) throws IOException {
        if (line[0] == ' ' || line[0] == '\t') {
            throw new HttpProtocolException(url, "obsolete line folding in a header field", line);
        }
        int colon = -1;
        for (int i = 0; i < end; i++) {
            byte b = line[i];
            if (b == ':') {
                colon = i;
                break;
            }
            if (!tokenChar(b)) {
                throw new HttpProtocolException(url, "invalid character in a header field name", line);
            }
        }
        if (colon <= 0) {
            throw new HttpProtocolException(url, "header line without a field name and colon", line);
        }
        int from = colon + 1;
        int to = end;
        while (from < to && (line[from] == ' ' || line[from] == '\t')) {
            from++;
        }
        while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
            to--;
        }
        for (int i = from; i < to; i++) {
            int b = line[i] & 0xff;
            if ((b < 0x20 && b != '\t') || b == 0x7f) {
                throw new HttpProtocolException(url, "control character in a header field value", line);
            }
        }
        fields.add(new String(line, 0, colon, StandardCharsets.ISO_8859_1));
        fields.add(new String(line, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /** Length of the line without CRLF; a bare LF is refused (RFC 9112 2.2 allows it, but it hides smuggling). */
    private static int lineEnd(byte[] line, URI url, String what) throws IOException {
        int n = line.length - 1; // the LF
        if (n < 1 || line[n - 1] != '\r') {
            throw new HttpProtocolException(url, what + " not ended by CRLF", line);
        }
        return n - 1;
    }

    private static boolean startsWith(byte[] line, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (line[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** RFC 9110 5.6.2 tchar. */
    private static boolean tokenChar(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }
}
