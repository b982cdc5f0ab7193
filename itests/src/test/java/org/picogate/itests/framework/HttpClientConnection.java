package org.picogate.itests.framework;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection of a test client over a real loopback socket. It tells apart what the
 * lifecycle tests must tell apart: a whole answer; no byte of an answer (the server closed or reset the connection
 * before answering, which a client may retry for an idempotent request, RFC 9112 9.3.1); and a broken answer
 * (the connection ended in the middle of one), which no client can recover from.
 */
final class HttpClientConnection implements AutoCloseable {
    /** Guards every read: a server that never answers fails the test instead of hanging it. */
    static final Duration READ_GUARD = Duration.ofSeconds(20);

    /** A whole answer; header names lower-cased. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        /** Whether the server said this is the last answer on the connection. */
        boolean closes() {
            return "close".equalsIgnoreCase(headers.get("connection"));
        }

        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** The connection ended before a single byte of the answer; {@code reset} if it ended with a reset. */
    static final class NoAnswerException extends IOException {
        final boolean reset;

        NoAnswerException(boolean reset, Throwable cause) {
            super(reset ? "reset before any byte of an answer" : "end of input before any byte of an answer", cause);
            this.reset = reset;
        }
    }

    /** The connection ended, or something else than HTTP came, in the middle of an answer. */
    static final class BrokenAnswerException extends IOException {
        BrokenAnswerException(String what, Throwable cause) {
            super(what, cause);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int answers;

    private HttpClientConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1; {@link java.net.ConnectException} if nothing listens there. */
    static HttpClientConnection open(int port) throws IOException {
        Socket socket = new Socket();
        try {
            // set before connecting: a server that resets the connection at once must not fail these
            socket.setSoTimeout((int) READ_GUARD.toMillis());
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return new HttpClientConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * A GET of {@code path}, and its answer. A request the connection fails to send (the server has reset it
     * already) got no answer either.
     */
    Answer get(String path) throws IOException {
        try {
            send("GET " + path + " HTTP/1.1\r\nHost: gw\r\n\r\n");
        } catch (SocketException reset) {
            throw new NoAnswerException(true, reset);
        }
        return read();
    }

    void send(String raw) throws IOException {
        send(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** Answers read on this connection so far: a connection that has answered before is a reused one. */
    int answers() {
        return answers;
    }

    /** The next answer, delimited by its Content-Length (every answer these tests ask for has one). */
    Answer read() throws IOException {
        int first;
        try {
            first = in.read();
        } catch (SocketException reset) {
            throw new NoAnswerException(true, reset);
        }
        if (first < 0) {
            throw new NoAnswerException(false, null);
        }
        try {
            String statusLine = (char) first + line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new BrokenAnswerException("not a status line: " + statusLine, null);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).toLowerCase(), h.substring(colon + 1).strip());
            }
            String length = headers.get("content-length");
            if (length == null) {
                throw new BrokenAnswerException("an answer without Content-Length: " + statusLine, null);
            }
            byte[] body = in.readNBytes(Integer.parseInt(length));
            if (body.length < Integer.parseInt(length)) {
                throw new BrokenAnswerException("body ended after " + body.length + " of " + length + " bytes", null);
            }
            answers++;
            return new Answer(status, headers, body);
        } catch (BrokenAnswerException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BrokenAnswerException("the answer broke off: " + e, e);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new BrokenAnswerException("end of input inside the head", null);
            }
            bytes.write(b);
        }
        String line = bytes.toString(StandardCharsets.ISO_8859_1);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /**
     * Whether the server has closed this idle connection already (its end of input is here): what a careful
     * client checks before it reuses a kept-alive connection, like Apache HttpClient's stale-connection check.
     * Looks for at most a millisecond.
     */
    boolean closedWhileIdle() throws IOException {
        if (in.available() > 0) {
            return false;
        }
        socket.setSoTimeout(1);
        try {
            return in.read() < 0; // a byte here would be one no request asked for: the next read reports it
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        } finally {
            socket.setSoTimeout((int) READ_GUARD.toMillis());
        }
    }

    /**
     * Whether the server has ended the connection, cleanly or with a reset, without another byte: waits for that
     * at most the read guard.
     */
    boolean endedWithoutAnotherByte() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    /**
     * Whether the server has closed the connection gracefully (the end of input, a FIN) without another byte; a
     * reset is not that. Waits for it at most the read guard.
     */
    boolean endedCleanly() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
