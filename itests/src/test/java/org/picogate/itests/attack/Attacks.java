package org.picogate.itests.attack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The slow and greedy clients, each attacker connection in a virtual thread of its own. Each attack returns when
 * the server has closed every one of its connections, or when it gives up ({@code giveUp} after its start).
 * "Closed by the server" is an end of input or a reset seen by a read or write.
 */
final class Attacks {
    private final String host;
    private final int port;

    Attacks(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** How one attacking connection ended: cut after this many ms, reset at once, or still open. */
    private record Outcome(long cutMillis, boolean resetAtOnce, boolean stillOpen) {
        static Outcome cut(long startNanos) {
            return new Outcome((System.nanoTime() - startNanos) / 1_000_000, false, false);
        }
    }

    /** One attacking connection's behaviour, given its socket; returns how it ended. */
    @FunctionalInterface
    private interface Attacker {
        Outcome attack(Socket socket) throws IOException;
    }

    private AttackResult run(String name, int connections, long timeoutMillis, int receiveBuffer, Attacker attacker)
            throws InterruptedException {
        List<Future<Outcome>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                outcomes.add(pool.submit(() -> {
                    try (Socket socket = new Socket()) {
                        if (receiveBuffer > 0) {
                            socket.setReceiveBufferSize(receiveBuffer); // before connecting: sets the window
                        }
                        socket.connect(new InetSocketAddress(host, port), 10_000);
                        return attacker.attack(socket);
                    } catch (IOException refused) {
                        return new Outcome(0, true, false); // refused or reset while connecting: the excess
                    }
                }));
            }
        }
        int cut = 0;
        int resetAtOnce = 0;
        int stillOpen = 0;
        List<Long> cutMillis = new ArrayList<>();
        for (Future<Outcome> f : outcomes) {
            Outcome o;
            try {
                o = f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(name + ": an attacker failed", e.getCause());
            }
            if (o.stillOpen()) {
                stillOpen++;
            } else if (o.resetAtOnce()) {
                resetAtOnce++;
            } else {
                cut++;
                cutMillis.add(o.cutMillis());
            }
        }
        return new AttackResult(name, connections, cut, resetAtOnce, stillOpen, cutMillis, timeoutMillis);
    }

    /**
     * Slowloris: a request line, then one byte of a header line every {@code interval}, never the end of the
     * head. The server's header timeout counts from the first byte.
     */
    AttackResult slowloris(int connections, Duration interval, Duration giveUp, long headerTimeoutMillis)
            throws InterruptedException {
        return run("slowloris (headers a byte at a time)", connections, headerTimeoutMillis, 0, socket -> {
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            try {
                out.write("GET /ok.txt HTTP/1.1\r\nHost: gw\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return trickle(socket, out, start, interval, giveUp);
            } catch (SocketException reset) {
                return Outcome.cut(start);
            }
        });
    }

    /**
     * Slow body: the head of a JSON POST to the notes API with a {@code Content-Length} of 60000, then one byte of
     * body every {@code interval}. The server reads the body at a minimum rate (64 KiB per idle timeout).
     */
    AttackResult slowBody(int connections, Duration interval, Duration giveUp, long idleTimeoutMillis)
            throws InterruptedException {
        return run("slow body (body a byte at a time)", connections, idleTimeoutMillis, 0, socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/notes HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 60000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            try {
                return trickle(socket, out, start, interval, giveUp);
            } catch (SocketException reset) {
                return Outcome.cut(start);
            }
        });
    }

    /** Sends one space every {@code interval} until the server closes the connection or {@code giveUp} passes. */
    private static Outcome trickle(Socket socket, OutputStream out, long start, Duration interval, Duration giveUp)
            throws IOException {
        socket.setSoTimeout((int) interval.toMillis());
        InputStream in = socket.getInputStream();
        while (System.nanoTime() - start < giveUp.toNanos()) {
            try {
                if (in.read() < 0) {
                    return Outcome.cut(start);
                }
                // an answer (a refusal such as 408 or 431) before the close: read on to the close
            } catch (SocketTimeoutException stillOpen) {
                out.write(' ');
                out.flush();
            }
        }
        return new Outcome(0, false, true);
    }

    /**
     * Slow reader: a small receive window, a GET of a large file, then nothing read. Every {@code probe} it
     * writes one byte (of a next request the server has not got to): once the server has reset the connection,
     * that write fails. (A reading probe would not see the reset before it had read what the kernel holds.) The
     * server's writes must progress, 64 KiB per idle timeout.
     */
    AttackResult slowRead(int connections, String path, Duration probe, Duration giveUp, long idleTimeoutMillis)
            throws InterruptedException {
        return run("slow read (large answer, never read)", connections, idleTimeoutMillis, 4096, socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: gw\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            while (System.nanoTime() - start < giveUp.toNanos()) {
                try {
                    Thread.sleep(probe);
                    out.write('G');
                    out.flush();
                } catch (SocketException reset) {
                    return Outcome.cut(start);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome(0, false, true);
                }
            }
            return new Outcome(0, false, true);
        });
    }

    /**
     * Connection flood: {@code connections} connections opened at once that never send a byte. Past the server's
     * {@code maxConnections} they are reset at once; the rest are cut when their idle timeout passes.
     */
    AttackResult flood(int connections, Duration giveUp, long idleTimeoutMillis) throws InterruptedException {
        return run("connection flood (idle connections)", connections, idleTimeoutMillis, 0, socket -> {
            long start = System.nanoTime();
            socket.setSoTimeout(1000);
            InputStream in = socket.getInputStream();
            while (System.nanoTime() - start < giveUp.toNanos()) {
                try {
                    if (in.read() < 0) {
                        return ended(start, idleTimeoutMillis);
                    }
                } catch (SocketException reset) {
                    return ended(start, idleTimeoutMillis);
                } catch (SocketTimeoutException held) {
                    // accepted and held: the idle timeout ends it
                }
            }
            return new Outcome(0, false, true);
        });
    }

    /**
     * A flood connection's end: before half the idle timeout it can only be the excess, reset at once (a margin
     * for a loaded machine); later, the idle timeout.
     */
    private static Outcome ended(long start, long idleTimeoutMillis) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        return millis < idleTimeoutMillis / 2 ? new Outcome(millis, true, false) : new Outcome(millis, false, false);
    }
}
