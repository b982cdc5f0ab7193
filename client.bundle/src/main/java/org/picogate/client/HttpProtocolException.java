package org.picogate.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The server broke HTTP/1.1: a malformed status line or header field, a bad chunk size, a head longer than the
 * client's limits, a body that ended early. The connection has been closed. {@link #offending()} shows the bytes
 * at fault, summarised.
 */
public class HttpProtocolException extends HttpClientException {
    private static final long serialVersionUID = 1L;
    private static final int SUMMARY_BYTES = 64;
    private final String offending;

    public HttpProtocolException(URI url, String problem, byte[] offendingBytes) {
        super(url, problem + (offendingBytes == null ? "" : ": " + summary(offendingBytes)) + " (" + url + ")", null);
        this.offending = offendingBytes == null ? "" : summary(offendingBytes);
    }

    /** The offending bytes: the first 64 as text, other than printable ASCII escaped, with the full length. */
    public String offending() {
        return offending;
    }

    /** {@code "HTTP/1.1 2x\r\n" (12 bytes)}: printable ASCII as is, others as {@code \xNN}, at most 64 shown. */
    public static String summary(byte[] bytes) {
        StringBuilder s = new StringBuilder("\"");
        int shown = Math.min(bytes.length, SUMMARY_BYTES);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\r' -> s.append("\\r");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '"', '\\' -> s.append('\\').append((char) b);
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        s.append((char) b);
                    } else {
                        s.append(String.format("\\x%02x", b));
                    }
                }
            }
        }
        s.append('"');
        if (shown < bytes.length) {
            s.append("...");
        }
        return s.append(" (").append(bytes.length).append(" bytes)").toString();
    }

    /** For text already decoded. */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
