package org.picogate.itests.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Oversized and malformed requests, one per connection, each written whole and then read to the end of the
 * connection: the server's answer must be a 4xx (then the close) or the close alone, never anything else.
 */
final class BadRequests {
    /** The kinds, in the order {@link #request(int)} cycles through them. */
    static final String[] KINDS = { "request line over 8 KiB", "101 header lines", "a 17 KiB header",
            "Content-Length of 1 TB", "bad chunk size", "garbage bytes" };

    private final String host;
    private final int port;

    BadRequests(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The {@code i}-th bad request: kind {@code i % KINDS.length}; the garbage is random but reproducible. */
    static byte[] request(int i) {
        String raw = switch (i % KINDS.length) {
            case 0 -> "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: gw\r\n\r\n";
            case 1 -> "GET / HTTP/1.1\r\nHost: gw\r\n" + "X-H: v\r\n".repeat(101) + "\r\n";
            case 2 -> "GET / HTTP/1.1\r\nHost: gw\r\nX-Big: " + "b".repeat(17 * 1024) + "\r\n\r\n";
            case 3 -> "POST /api/notes HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000000000\r\n\r\n{";
            case 4 -> "POST /api/notes HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
            default -> null;
        };
        if (raw != null) {
            return raw.getBytes(StandardCharsets.ISO_8859_1);
        }
        byte[] garbage = new byte[64 + i % 512];
        new Random(i).nextBytes(garbage);
        return garbage;
    }

    /**
     * Sends request {@code i} on a new connection and reads until the server ends it.
     *
     * @return the status of the answer, or 0 if the server closed without one
     */
    int send(int i) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(20_000);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            try {
                socket.getOutputStream().write(request(i));
                socket.shutdownOutput(); // nothing more comes: an unfinished head or body ends here
            } catch (SocketException refusedMidway) {
                // the server answered and closed while the request was still going out: read what it said
            }
            byte[] answer = readToEnd(socket.getInputStream());
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            if (text.isEmpty()) {
                return 0;
            }
            if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
                throw new IOException("request " + i + " (" + KINDS[i % KINDS.length] + ") got: "
                        + text.substring(0, Math.min(80, text.length())));
            }
            return Integer.parseInt(text.substring(9, 12));
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                got.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // a reset after (or instead of) the answer: what came before it counts
        }
        return got.toByteArray();
    }
}
