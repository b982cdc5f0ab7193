package org.picogate.client.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.picogate.client.HttpProtocolException;
import org.picogate.streams.Stream;

/**
 * How a response body is delimited (RFC 9112 6.3): none for HEAD, 1xx, 204 and 304; chunked when it is the last
 * transfer coding; else Content-Length; else until the server closes.
 *
 * @param kind which rule
 * @param length the Content-Length, for {@link Kind#FIXED}
 */
record BodyFraming(Kind kind, long length) {
    enum Kind { EMPTY, FIXED, CHUNKED, UNTIL_CLOSE }

    /**
     * @throws HttpProtocolException for a Content-Length that is not one decimal number (or several that differ)
     *         or a transfer coding other than chunked last, which cannot be read
     */
    static BodyFraming of(String method, ResponseHead head, URI url) throws HttpProtocolException {
        int status = head.status();
        if (method.equals("HEAD") || status == 204 || status == 304 || head.interim()) {
            return new BodyFraming(Kind.EMPTY, 0);
        }
        List<String> codings = head.headers().all("Transfer-Encoding");
        if (!codings.isEmpty()) { // wins over Content-Length (RFC 9112 6.3 rule 3)
            String all = String.join(",", codings);
            List<String> parts = new ArrayList<>(2);
            for (String coding : all.split(",", -1)) {
                if (!coding.isBlank()) { // empty list elements are ignored (RFC 9110 5.6.1)
                    parts.add(coding.strip());
                }
            }
            if (parts.isEmpty()) {
                throw new HttpProtocolException(url, "Transfer-Encoding without a coding",
                        HttpProtocolException.bytes(all));
            }
            if (parts.get(parts.size() - 1).equalsIgnoreCase("chunked")) {
                if (parts.size() > 1) {
                    throw new HttpProtocolException(url, "unsupported transfer coding before chunked",
                            HttpProtocolException.bytes(all));
                }
                return new BodyFraming(Kind.CHUNKED, -1);
            }
            return new BodyFraming(Kind.UNTIL_CLOSE, -1);
        }
        List<String> lengths = head.headers().all("Content-Length");
        if (lengths.isEmpty()) {
            return new BodyFraming(Kind.UNTIL_CLOSE, -1);
        }
        long length = -1;
        for (String field : lengths) {
            for (String value : field.split(",", -1)) { // -1: an empty value is kept, and refused
                long parsed = parseLength(value.strip(), url);
                if (length != -1 && parsed != length) {
                    throw new HttpProtocolException(url, "Content-Length values differ",
                            HttpProtocolException.bytes(String.join(", ", lengths)));
                }
                length = parsed;
            }
        }
        return length == 0 ? new BodyFraming(Kind.EMPTY, 0) : new BodyFraming(Kind.FIXED, length);
    }

    private static long parseLength(String value, URI url) throws HttpProtocolException {
        if (value.isEmpty() || value.length() > 18) {
            throw new HttpProtocolException(url, "bad Content-Length", HttpProtocolException.bytes(value));
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new HttpProtocolException(url, "bad Content-Length", HttpProtocolException.bytes(value));
            }
        }
        return Long.parseLong(value);
    }

    ResponseBody open(Stream stream, BodyEvents events, URI url) {
        return switch (kind) {
            case EMPTY -> ResponseBody.empty(stream, events);
            case FIXED -> new FixedLengthBody(stream, events, length);
            case CHUNKED -> new ChunkedBody(stream, events, url);
            case UNTIL_CLOSE -> new UntilCloseBody(stream, events);
        };
    }
}
