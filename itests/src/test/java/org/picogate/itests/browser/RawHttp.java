package org.picogate.itests.browser;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection to the gateway on loopback, written by hand so that the tests see each
 * request's fate: an answer, no byte of an answer (the server closed the connection before it read the request,
 * which RFC 9112 9.3.1 lets a client retry), or an answer cut short (a failure).
 */
final class RawHttp implements AutoCloseable {

    /** A whole answer. */
    record Answer(int status, String body, boolean closes) {
    }

    /** The connection ended before the first byte of an answer. */
    static final class NoAnswerException extends IOException {
        private static final long serialVersionUID = 1L;

        NoAnswerException(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private int answers;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    /** Connects; a {@link ConnectException} when nothing listens on the port. */
    static RawHttp open(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(20_000);
            return new RawHttp(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** One request on a fresh connection, closed afterwards. */
    static Answer once(int port, String path, String extraHeaders) throws IOException {
        try (RawHttp http = open(port)) {
            return http.get(path, extraHeaders);
        }
    }

    /** Answers on this connection so far. */
    int answers() {
        return answers;
    }

    Answer get(String path, String extraHeaders) throws IOException {
        int first;
        try {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: gateway\r\n" + extraHeaders + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            first = in.read();
        } catch (IOException reset) {
            throw new NoAnswerException("no answer: " + reset);
        }
        if (first < 0) {
            throw new NoAnswerException("no answer: the connection was closed");
        }
        String status = (char) first + line();
        int length = -1;
        boolean closes = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = colon < 0 ? h : h.substring(0, colon).strip();
            String value = colon < 0 ? "" : h.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closes = true;
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                throw new IOException("a chunked answer; these tests expect a Content-Length: " + status);
            }
        }
        if (length < 0) {
            throw new IOException("an answer without Content-Length: " + status);
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("an answer cut after " + body.length + " of " + length + " body bytes: " + status);
        }
        answers++;
        return new Answer(Integer.parseInt(status.split(" ")[1]), new String(body, StandardCharsets.UTF_8), closes);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n';) {
            if (b < 0) {
                throw new IOException("an answer cut in its head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The connection's local port, to find it on the server side. */
    @Override
    public String toString() {
        return "connection from port " + socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
