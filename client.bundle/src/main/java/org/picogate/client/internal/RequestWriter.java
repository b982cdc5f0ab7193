package org.picogate.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.picogate.client.Headers;
import org.picogate.streams.Stream;

/**
 * Writes a request: the head in one buffer (US-ASCII/Latin-1 as HTTP wants), then the body, with one gathering
 * write for a head and a byte body. Streamed bodies go out in chunks of what each read of the input returned.
 */
final class RequestWriter {
    private static final int STREAM_CHUNK = 8192;
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = { '\r', '\n' };

    private RequestWriter() {
    }

    /** The request head; the client's own fields (Host, framing, defaults) first, then the caller's. */
    static byte[] head(OutgoingRequest request, Endpoint endpoint, Headers defaults, List<String> extra) {
        StringBuilder s = new StringBuilder(256);
        String target = request.url().getRawPath();
        if (target == null || target.isEmpty()) {
            target = "/";
        }
        s.append(request.method()).append(' ').append(target);
        if (request.url().getRawQuery() != null) {
            s.append('?').append(request.url().getRawQuery());
        }
        s.append(" HTTP/1.1\r\nHost: ").append(endpoint.hostHeader()).append("\r\n");
        List<String> own = request.headers();
        for (var field : defaults.entries()) {
            if (!containsName(own, field.getKey())) {
                field(s, field.getKey(), field.getValue());
            }
        }
        for (int i = 0; i < own.size(); i += 2) {
            field(s, own.get(i), own.get(i + 1));
        }
        for (int i = 0; i < extra.size(); i += 2) {
            field(s, extra.get(i), extra.get(i + 1));
        }
        RequestContent content = request.content();
        if (content != null) {
            if (content.contentType() != null && !containsName(own, "Content-Type")) {
                field(s, "Content-Type", content.contentType());
            }
            if (content instanceof RequestContent.Bytes bytes) {
                field(s, "Content-Length", Integer.toString(bytes.content().length));
            } else {
                field(s, "Transfer-Encoding", "chunked");
            }
        } else if (needsZeroLength(request.method())) {
            field(s, "Content-Length", "0");
        }
        if (request.expectContinue() && content != null) {
            field(s, "Expect", "100-continue");
        }
        s.append("\r\n");
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** RFC 9110 8.6: a user agent should send Content-Length: 0 for methods that expect a body. */
    private static boolean needsZeroLength(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    static boolean containsName(List<String> fields, String name) {
        for (int i = 0; i < fields.size(); i += 2) {
            if (fields.get(i).equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static void field(StringBuilder s, String name, String value) {
        s.append(name).append(": ").append(value).append("\r\n");
    }

    /** Writes the head and a byte body (if any) with one gathering write, and drains. */
    static void writeHeadAndBytes(Stream stream, byte[] head, RequestContent content) throws IOException {
        if (content instanceof RequestContent.Bytes bytes && bytes.content().length > 0) {
            stream.write(ByteBuffer.wrap(head), ByteBuffer.wrap(bytes.content()));
        } else {
            stream.write(head);
        }
        stream.drain();
    }

    /** Writes a streamed body in chunked coding, closes its input, and drains. */
    static void writeStreamed(Stream stream, InputStream in) throws IOException {
        try (in) {
            byte[] buffer = new byte[STREAM_CHUNK];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (n == 0) {
                    continue;
                }
                stream.write(ByteBuffer.wrap((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII)),
                        ByteBuffer.wrap(buffer, 0, n), ByteBuffer.wrap(CRLF));
            }
        }
        stream.write(LAST_CHUNK);
        stream.drain();
    }
}
