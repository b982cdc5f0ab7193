package org.picogate.bench;

import static org.picogate.bench.HeapProbes.awaitJitQuiet;
import static org.picogate.bench.HeapProbes.check;
import static org.picogate.bench.HeapProbes.collector;
import static org.picogate.bench.HeapProbes.compactHeaders;
import static org.picogate.bench.HeapProbes.usedAfterGc;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.ref.Reference;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.picogate.bench.HeapProbes.ClassCount;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.streams.Stream;
import org.picogate.streams.internal.StreamFactory;
import org.picogate.streams.internal.StreamSettings;

/**
 * Heap bytes per idle open connection, server side only: the server runs here, the clients (plain
 * {@link SocketChannel}s) in another process, so nothing of theirs is counted.
 *
 * <ul>
 * <li>{@code server picogate|plain N [READ_BUFFER_SIZE]}: a line echo server on 127.0.0.1. {@code picogate}: a
 * {@link StreamFactory} server with {@link StreamSettings#DEFAULTS} (or another read buffer size, to see what
 * it is worth) whose handler loops on
 * {@code readLine(1024)}, {@code write}, {@code drain}. {@code plain}: a blocking {@code ServerSocket}, one
 * virtual thread per connection, {@code BufferedReader.readLine()} and a {@code BufferedOutputStream} (JDK
 * default sizes). It first warms up with connections from this process (so the parked handlers' stacks are
 * those of compiled code, as in a gateway that has run a while), closes them, takes the heap in use after full
 * GCs, then prints {@code PORT p} and waits (at most 120 s) until N connections have each echoed one line and
 * their handlers are back in {@code readLine}; then the heap again and a class histogram of the difference.
 * The last line is {@code RESULT key=value ...}; the process then exits, which ends the clients.</li>
 * <li>{@code clients PORT N}: opens N connections, sends one line on each and reads its echo, then leaves them
 * idle until the server ends them (at most 180 s).</li>
 * </ul>
 */
public final class IdleConnectionProbe {
    private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.US_ASCII);
    private static final int WARM_ROUNDS = 5;
    private static final int WARM_CONNECTIONS = 1000;
    private static final int WARM_LINES = 20;

    private IdleConnectionProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && !(args.length == 4 && args[0].equals("server"))) {
            System.err.println("usage: IdleConnectionProbe server picogate|plain N [READ_BUFFER_SIZE]"
                    + " | clients PORT N");
            System.exit(2);
        }
        int n = Integer.parseInt(args[2]);
        switch (args[0]) {
            case "server" -> server(args[1], n, args.length == 4 ? Integer.parseInt(args[3])
                    : StreamSettings.DEFAULTS.readBufferSize());
            case "clients" -> clients(Integer.parseInt(args[1]), n);
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    // ---- server ----

    /** Handlers waiting in readLine now, and lines echoed so far. */
    private static final AtomicInteger WAITING = new AtomicInteger();
    private static final LongAdder ECHOED = new LongAdder();

    static void picogateLines(Stream s) throws IOException {
        while (true) {
            WAITING.incrementAndGet();
            String line;
            try {
                line = s.readLine(1024);
            } finally {
                WAITING.decrementAndGet();
            }
            if (line == null) {
                return;
            }
            s.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            s.drain();
            ECHOED.increment();
        }
    }

    static void plainLines(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        while (true) {
            WAITING.incrementAndGet();
            String line;
            try {
                line = in.readLine();
            } finally {
                WAITING.decrementAndGet();
            }
            if (line == null) {
                return;
            }
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            ECHOED.increment();
        }
    }

    private static void server(String kind, int n, int readBufferSize) throws Exception {
        Thread.ofPlatform().daemon().start(() -> { // bounded in time whatever happens
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(240));
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("RESULT success=false reason=timed_out_after_240_s");
            System.exit(3);
        });
        TestScheduler scheduler = TestScheduler.start(Clock.system(), "probe");
        EchoBench.EchoServer server = switch (kind) {
            case "picogate" -> EchoBench.picogateServer(new StreamFactory(scheduler, settings(readBufferSize)),
                    IdleConnectionProbe::picogateLines, n + 1024);
            case "plain" -> new EchoBench.PlainServer(IdleConnectionProbe::plainLines);
            default -> throw new IllegalArgumentException("kind picogate or plain, not " + kind);
        };
        warmUp(server.port());
        awaitJitQuiet();
        int openBefore = server.open();
        check(openBefore == 0, openBefore + " warm-up connections still open");
        Map<String, long[]> histoBefore = histogram();
        long before = usedAfterGc();

        System.out.println("PORT " + server.port());
        System.out.flush();
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(120);
        while (server.open() < n || WAITING.get() < n || ECHOED.sum() < (long) WARM_ROUNDS * WARM_CONNECTIONS
                * WARM_LINES + n) {
            check(System.nanoTime() - end < 0, "only " + server.open() + " connections open, " + WAITING.get()
                    + " handlers waiting after 120 s");
            Thread.sleep(10);
        }
        long idle = System.nanoTime();
        Thread.sleep(500); // let the last ones park
        long after = usedAfterGc();
        int open = server.open();
        check(open == n, "open connections " + open + " != " + n);
        long stack = printBreakdown(histoBefore, histogram(), n);
        double perConnection = (after - before) / (double) n;
        System.out.printf(Locale.ROOT, "%s: %d idle connections, heap %,d -> %,d bytes: %.1f bytes each (%s,"
                + " compact headers %s); all connected and idle %d ms after PORT%n", kind, n, before, after,
                perConnection, collector(), compactHeaders() ? "on" : "off", TimeUnit.NANOSECONDS.toMillis(idle - t0));
        System.out.printf(Locale.ROOT, "RESULT kind=%s n=%d%s bytesPerConnection=%.1f"
                + " stackBytesPerConnection=%.1f success=true%n", kind, n,
                kind.equals("picogate") ? " readBufferSize=" + readBufferSize : "", perConnection,
                stack / (double) n);
        Reference.reachabilityFence(server);
        Reference.reachabilityFence(scheduler);
    }

    /** {@link StreamSettings#DEFAULTS} with another read buffer size. */
    private static StreamSettings settings(int readBufferSize) {
        StreamSettings d = StreamSettings.DEFAULTS;
        return new StreamSettings(readBufferSize, d.highWaterMark(), d.linger(), d.lingerMaxBytes());
    }

    /**
     * Connections from this process that each echo a few lines, then close; several rounds, so the JIT has
     * compiled the accept, read and echo paths before anything is measured.
     */
    private static void warmUp(int port) throws Exception {
        for (int round = 0; round < WARM_ROUNDS; round++) {
            CountDownLatch done = new CountDownLatch(WARM_CONNECTIONS);
            LongAdder failures = new LongAdder();
            for (int i = 0; i < WARM_CONNECTIONS; i++) {
                Thread.ofVirtual().start(() -> {
                    try (SocketChannel c = SocketChannel.open(new InetSocketAddress(EchoBench.HOST, port))) {
                        ByteBuffer in = ByteBuffer.allocate(HELLO.length);
                        for (int l = 0; l < WARM_LINES; l++) {
                            c.write(ByteBuffer.wrap(HELLO));
                            in.clear();
                            while (in.hasRemaining()) {
                                if (c.read(in) < 0) {
                                    throw new IOException("closed");
                                }
                            }
                        }
                    } catch (IOException e) {
                        failures.increment();
                    } finally {
                        done.countDown();
                    }
                });
            }
            check(done.await(60, TimeUnit.SECONDS), "warm-up did not finish in 60 s");
            check(failures.sum() == 0, failures.sum() + " warm-up connections failed");
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (WAITING.get() > 0) { // the handlers see the ends
            check(System.nanoTime() - end < 0, WAITING.get() + " warm-up handlers still waiting after 10 s");
            Thread.sleep(10);
        }
        Thread.sleep(200);
    }

    /** Class name to {instances, bytes}, from the JVM's class histogram (live objects, after a full GC). */
    private static Map<String, long[]> histogram() {
        Map<String, long[]> classes = new HashMap<>();
        for (ClassCount c : HeapProbes.classHistogram()) {
            classes.put(c.name(), new long[] {c.instances(), c.bytes()});
        }
        return classes;
    }

    /**
     * Prints what grew between the two histograms, per connection, biggest first (classes of >= 4 B a
     * connection); returns how much the parked stacks ({@code StackChunk}) grew.
     */
    private static long printBreakdown(Map<String, long[]> before, Map<String, long[]> after, int n) {
        if (after.isEmpty()) {
            return 0;
        }
        record Growth(String name, long instances, long bytes) {
        }
        List<Growth> grown = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long bytes = e.getValue()[1] - b[1];
            total += bytes;
            grown.add(new Growth(e.getKey(), e.getValue()[0] - b[0], bytes));
        }
        grown.sort((x, y) -> Long.compare(y.bytes(), x.bytes()));
        long stack = 0;
        System.out.printf(Locale.ROOT, "heap growth by class (class histogram after minus before), bytes and"
                + " instances per connection; total %.1f B per connection:%n", total / (double) n);
        for (Growth g : grown) {
            if (g.name().equals("jdk.internal.vm.StackChunk")) {
                stack = g.bytes();
            }
            if (g.bytes() >= 4L * n) {
                System.out.printf(Locale.ROOT, "  %8.1f B  %6.2f  %s%n", g.bytes() / (double) n,
                        g.instances() / (double) n, g.name());
            }
        }
        return stack;
    }

    // ---- clients ----

    private static void clients(int port, int n) throws Exception {
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(180));
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("clients: 180 s passed, exiting");
            System.exit(3);
        });
        List<SocketChannel> channels = new ArrayList<>(n);
        ByteBuffer in = ByteBuffer.allocate(HELLO.length);
        InetSocketAddress server = new InetSocketAddress(EchoBench.HOST, port);
        for (int i = 0; i < n; i++) {
            SocketChannel c = SocketChannel.open(server);
            c.write(ByteBuffer.wrap(HELLO));
            in.clear();
            while (in.hasRemaining()) {
                if (c.read(in) < 0) {
                    throw new IOException("server closed connection " + i);
                }
            }
            channels.add(c);
        }
        System.out.println("clients: " + n + " connections open and idle");
        System.out.flush();
        // idle until the server process ends (its exit closes every connection)
        in.clear();
        try {
            channels.get(0).read(in);
        } catch (IOException reset) {
            // the server is gone
        }
    }
}
