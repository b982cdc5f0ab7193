package org.picogate.itests.attack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Legitimate keep-alive clients: each on a platform thread of its own (never sharing carriers with the attackers'
 * virtual threads), sending GET requests one after another with a pause between, over one connection it opens
 * before the attacks start and opens again only if the server closes it. Latencies go to the current phase's
 * {@link Latencies}, switched by {@link #phase(Latencies)}.
 */
final class LegitClients implements AutoCloseable {
    private final String host;
    private final int port;
    private final String path;
    private final long pauseNanos;
    private final List<Thread> threads = new ArrayList<>();
    private volatile Latencies phase = new Latencies();
    private volatile boolean running = true;

    LegitClients(String host, int port, String path, int clients, long pauseMillis) throws IOException {
        this.host = host;
        this.port = port;
        this.path = path;
        this.pauseNanos = pauseMillis * 1_000_000L;
        for (int i = 0; i < clients; i++) {
            Conn first = connect(); // connected now, before any attack fills the server's connections
            threads.add(Thread.ofPlatform().name("legit-" + i).daemon().start(() -> loop(first)));
        }
    }

    /** From now on latencies go to {@code next}. */
    void phase(Latencies next) {
        phase = next;
    }

    /** A connection with its buffered input, kept across the answers read from it. */
    private record Conn(Socket socket, InputStream in, OutputStream out) {
    }

    private Conn connect() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress(host, port), 5000);
        return new Conn(socket, new BufferedInputStream(socket.getInputStream(), 16384), socket.getOutputStream());
    }

    private void loop(Conn first) {
        Conn socket = first;
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: gw\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        while (running) {
            Latencies into = phase;
            long start = System.nanoTime();
            try {
                if (socket == null) {
                    socket = connect();
                }
                socket.out().write(request);
                socket.out().flush();
                Answer a = read(socket.in());
                long took = System.nanoTime() - start;
                if (a.status == 200) {
                    into.ok(took);
                } else {
                    into.notOk(took);
                }
                if (a.closes) {
                    closeQuietly(socket);
                    socket = null;
                }
            } catch (IOException e) {
                if (running) {
                    into.failed();
                }
                closeQuietly(socket);
                socket = null;
            }
            LockSupport.parkNanos(pauseNanos);
        }
        closeQuietly(socket);
    }

    private record Answer(int status, boolean closes) {
    }

    /** One answer with a Content-Length body (what the static files send). */
    private static Answer read(InputStream in) throws IOException {
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP answer: " + status);
        }
        long length = 0;
        boolean closes = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        in.skipNBytes(length);
        return new Answer(Integer.parseInt(status.substring(9, 12)), closes);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended mid-answer");
            }
            if (b != '\r') {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    private static void closeQuietly(Conn c) {
        if (c != null) {
            try {
                c.socket().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(15_000);
        }
    }
}
