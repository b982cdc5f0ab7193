package org.picogate.http.internal.robustness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One client socket that writes raw bytes and reads raw HTTP/1.1 responses, with nothing between the test and the
 * wire: no client library normalises what is sent or hides what comes back. A read waits at most
 * {@link #READ_LIMIT_MILLIS}: only so that a server that never answers fails the test instead of hanging it.
 */
final class WireExchange implements AutoCloseable {
    static final int READ_LIMIT_MILLIS = 20_000;

    /** A response as read off the wire: status, lower-cased header names, body (de-chunked). */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        boolean saysClose() {
            String c = headers.get("connection");
            return c != null && c.toLowerCase(Locale.ROOT).contains("close");
        }
    }

    /** How a connection ended after the replies: the server closed it, or it is still open. */
    enum End { CLOSED, OPEN }

    private final Socket socket;
    private final InputStream in;

    WireExchange(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_LIMIT_MILLIS);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
    }

    void send(byte[] raw) throws IOException {
        socket.getOutputStream().write(raw);
        socket.getOutputStream().flush();
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** The next response, or {@code null} if the connection ended (FIN or reset) before its first byte. */
    Reply read() throws IOException {
        String statusLine;
        try {
            statusLine = line();
        } catch (SocketException reset) {
            return null;
        }
        if (statusLine == null) {
            return null;
        }
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not a status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h; !(h = require(line())).isEmpty(); ) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        byte[] body;
        if (status / 100 == 1 || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int size; (size = Integer.parseInt(require(line()).split(";")[0], 16)) > 0; ) {
                out.write(in.readNBytes(size));
                require(line());
            }
            while (!require(line()).isEmpty()) {
                // trailers: none expected, skipped
            }
            body = out.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Reply(status, headers, body);
    }

    /**
     * Whether the server closed the connection (end of input or a reset) after the expected replies; a further
     * byte is a reply too many and throws. Waits for the end: call it only where the server must close (an open
     * connection shows as {@link End#OPEN} after the read limit, a failure). To check that a connection stays
     * open, send a well-formed request on it and read its reply instead.
     */
    End endAfterReplies() throws IOException {
        try {
            int b = in.read();
            if (b < 0) {
                return End.CLOSED;
            }
            throw new IOException("unexpected bytes after the expected replies, starting with "
                    + (char) b + new String(in.readNBytes(Math.min(in.available(), 200)),
                            StandardCharsets.ISO_8859_1));
        } catch (SocketTimeoutException stillOpen) {
            return End.OPEN;
        } catch (SocketException reset) {
            return End.CLOSED;
        }
    }

    private static String require(String line) throws IOException {
        if (line == null) {
            throw new IOException("connection ended in the middle of a response");
        }
        return line;
    }

    /** A line without its CR LF; {@code null} at end of input before any byte. */
    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                if (b.size() == 0) {
                    return null;
                }
                throw new IOException("connection ended in the middle of a line");
            }
            b.write(c);
        }
        byte[] bytes = b.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }

    List<Reply> readAll(int count) throws IOException {
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Reply r = read();
            if (r == null) {
                break;
            }
            replies.add(r);
        }
        return replies;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
