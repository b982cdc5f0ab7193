package org.picogate.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

import org.picogate.scheduler.Clock;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.StreamServer;
import org.picogate.streams.internal.BufferedStream;
import org.picogate.streams.internal.StreamFactory;
import org.picogate.streams.internal.StreamSettings;

/**
 * Echo round trips of 1 KiB messages over loopback (127.0.0.1 only): Picogate streams against a plain blocking
 * {@link Socket} echo with one virtual thread per connection and buffered streams, in the same run, rounds
 * alternating, after warm-up. Each client sends a message, waits for the whole echo, and sends the next, for a
 * fixed time and at most {@value #MAX_PER_CLIENT} messages a round. Not JMH: it needs the process CPU time.
 *
 * <p>Kinds (the same kind on both ends in {@code inproc}):
 * <ul>
 * <li>{@code picogate}: a {@link StreamFactory} server and clients on a {@link TestScheduler} with
 * {@link StreamSettings#DEFAULTS}, using the allocation-free calls: {@code read(ByteBuffer)},
 * {@code write(ByteBuffer)}, {@code drain()}, each connection reusing one 1 KiB buffer.</li>
 * <li>{@code picogate-bytes}: the same streams with the uasyncio-style calls that return new arrays:
 * {@code read(1024)}, {@code write(byte[])}, {@code drain()}; the client {@code readExactly(1024)}.</li>
 * <li>{@code plain}: {@link ServerSocket} and {@link Socket} with {@link BufferedInputStream} and
 * {@link BufferedOutputStream} (8 KiB, the JDK default), one virtual thread per connection, TCP_NODELAY as
 * Picogate sets it; {@code read(buf)}, {@code write}, {@code flush()}.</li>
 * </ul>
 * The server echoes whatever one read returns (up to 1 KiB) and flushes; the client reads the whole 1 KiB.
 *
 * <p>Modes:
 * <ul>
 * <li>{@code inproc CLIENTS ROUNDS SECONDS WARMUP_SECONDS}: server and clients in this JVM; CPU per message is
 * the whole process's (both ends).</li>
 * <li>{@code server [MAX_SECONDS]}: an echo server of each kind and a control port on 127.0.0.1; prints
 * {@code PORTS ...}, answers {@code stats KIND} with this process's CPU time, allocated bytes and that server's
 * open connections, ends on {@code quit}, at the end of the control connection, or after MAX_SECONDS.</li>
 * <li>{@code clients CONTROL_PORT PORTS CLIENTS ROUNDS SECONDS WARMUP_SECONDS}: plain blocking clients against
 * such a server process (pinned to another core by the script), so the CPU per message is the server's
 * alone. PORTS: {@code picogate=P,picogate-bytes=P,plain=P}.</li>
 * </ul>
 * CLIENTS is a comma-separated list of concurrent connections (e.g. {@code 16,100}); system property
 * {@code bench.kinds} (e.g. {@code -Dbench.kinds=picogate}) limits the kinds measured. Each round of each count
 * prints a line; each kind and count ends with {@code RESULT key=value ...}, and each kind but plain with
 * {@code RATIO ...} (its rounds over plain's, paired), read by bench/run-streams.sh.
 */
public final class EchoBench {
    static final int MESSAGE = 1024;
    static final String HOST = "127.0.0.1";
    /** Messages per client and round at most, whatever the time. */
    private static final long MAX_PER_CLIENT = 5_000_000;
    /** Checks every this many-th echo against what was sent. */
    private static final int CHECK_EVERY = 64;
    private static final List<String> KINDS = List.of("picogate", "picogate-bytes", "plain");

    private EchoBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "inproc" -> {
                if (args.length != 5) {
                    usage();
                }
                inproc(counts(args[1]), Integer.parseInt(args[2]), seconds(args[3]), seconds(args[4]));
            }
            case "server" -> serverProcess(args.length > 1 ? Integer.parseInt(args[1]) : 900);
            case "clients" -> {
                if (args.length != 7) {
                    usage();
                }
                clientsProcess(Integer.parseInt(args[1]), ports(args[2]), counts(args[3]),
                        Integer.parseInt(args[4]), seconds(args[5]), seconds(args[6]));
            }
            default -> usage();
        }
        System.exit(0); // ends whatever is still open
    }

    private static void usage() {
        System.err.println("usage: EchoBench inproc CLIENTS ROUNDS SECONDS WARMUP_SECONDS\n"
                + "       EchoBench server [MAX_SECONDS]\n"
                + "       EchoBench clients CONTROL_PORT picogate=P,picogate-bytes=P,plain=P CLIENTS ROUNDS SECONDS"
                + " WARMUP_SECONDS");
        System.exit(2);
    }

    private static int[] counts(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static Duration seconds(String s) {
        return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
    }

    private static Map<String, Integer> ports(String list) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String kv : list.split(",")) {
            String[] p = kv.split("=");
            ports.put(p[0], Integer.parseInt(p[1]));
        }
        return ports;
    }

    // ---- the two modes that measure ----

    /** Everything in this JVM: each kind's clients against that kind's server. */
    private static void inproc(int[] counts, int rounds, Duration length, Duration warmup) throws Exception {
        try (TestScheduler scheduler = TestScheduler.start(Clock.system(), "bench")) {
            StreamFactory streams = new StreamFactory(scheduler, StreamSettings.DEFAULTS);
            Map<String, EchoServer> servers = startServers(streams, 1024);
            Map<String, ClientFactory> clients = new LinkedHashMap<>();
            clients.put("picogate", new ClientFactory(port -> new PicogateConn(streams, port),
                    body -> scheduler.spawn("client", body)));
            clients.put("picogate-bytes", new ClientFactory(port -> new PicogateBytesConn(streams, port),
                    body -> scheduler.spawn("client", body)));
            clients.put("plain", new ClientFactory(PlainConn::new, body -> Thread.ofVirtual().name("client")
                    .start(body)));
            Probe probe = new LocalProbe(servers);
            System.out.printf(Locale.ROOT, "inproc: one JVM, %d processors, JDK %s, clients %s, %d rounds of %s"
                    + " after %s warm-up per kind%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.version(), Arrays.toString(counts), rounds, length, warmup);
            measure("inproc", counts, rounds, length, warmup, servers.keySet(), kind -> servers.get(kind).port(),
                    clients::get, probe);
            servers.values().forEach(EchoServer::close);
        }
    }

    /** Plain clients here, the servers in another process: CPU per message is the server process's. */
    private static void clientsProcess(int controlPort, Map<String, Integer> ports, int[] counts, int rounds,
            Duration length, Duration warmup) throws Exception {
        try (RemoteProbe probe = new RemoteProbe(controlPort)) {
            ClientFactory plain = new ClientFactory(PlainConn::new,
                    body -> Thread.ofVirtual().name("client").start(body));
            System.out.printf(Locale.ROOT, "clients: plain blocking clients in this JVM (%d processors), servers in"
                    + " another process, JDK %s, clients %s, %d rounds of %s after %s warm-up per kind%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), Arrays.toString(counts), rounds,
                    length, warmup);
            measure("split", counts, rounds, length, warmup, ports.keySet(), ports::get, kind -> plain, probe);
            probe.quit();
        }
    }

    @FunctionalInterface
    private interface PortOf {
        int port(String kind);
    }

    @FunctionalInterface
    private interface ClientsOf {
        ClientFactory clients(String kind);
    }

    /**
     * For each client count: a warm-up round per kind, then {@code rounds} rounds of every kind, the order of
     * the kinds reversed every other round, then a summary line per kind.
     */
    private static void measure(String mode, int[] counts, int rounds, Duration length, Duration warmup,
            Iterable<String> kindNames, PortOf ports, ClientsOf clients, Probe probe) throws Exception {
        List<String> kinds = new ArrayList<>();
        kindNames.forEach(kinds::add);
        String only = System.getProperty("bench.kinds"); // for diagnostics (strace, JFR): some kinds only
        if (only != null) {
            kinds.retainAll(List.of(only.split(",")));
        }
        for (int n : counts) {
            for (String kind : kinds) {
                RoundResult r = round(kind, n, warmup, ports.port(kind), clients.clients(kind), probe);
                System.out.println("warm-up " + r.line());
            }
            Map<String, List<RoundResult>> results = new LinkedHashMap<>();
            for (int i = 0; i < rounds; i++) {
                List<String> order = new ArrayList<>(kinds);
                if (i % 2 == 1) {
                    order = order.reversed();
                }
                for (String kind : order) {
                    RoundResult r = round(kind, n, length, ports.port(kind), clients.clients(kind), probe);
                    System.out.println("round " + (i + 1) + " " + r.line());
                    results.computeIfAbsent(kind, k -> new ArrayList<>()).add(r);
                }
            }
            for (String kind : kinds) {
                System.out.println(summary(mode, kind, n, results.get(kind)));
            }
            List<RoundResult> plain = results.get("plain");
            for (String kind : kinds) {
                if (plain != null && !kind.equals("plain")) {
                    System.out.println(ratios(mode, kind, n, results.get(kind), plain));
                }
            }
        }
    }

    /**
     * Each round's figure of {@code kind} over plain's of the same round (they ran back to back), median
     * (min, max): less spread by a machine whose speed drifts than the ratio of the medians.
     */
    private static String ratios(String mode, String kind, int clients, List<RoundResult> rounds,
            List<RoundResult> plain) {
        int n = Math.min(rounds.size(), plain.size());
        double[] rate = new double[n];
        double[] cpu = new double[n];
        for (int i = 0; i < n; i++) {
            rate[i] = rounds.get(i).perSecond() / plain.get(i).perSecond();
            cpu[i] = rounds.get(i).cpuMicrosPerMessage() / plain.get(i).cpuMicrosPerMessage();
        }
        Arrays.sort(rate);
        Arrays.sort(cpu);
        return String.format(Locale.ROOT, "RATIO mode=%s kind=%s clients=%d vs=plain rounds=%d msgsPerSec=%.2f"
                + " msgsPerSecMin=%.2f msgsPerSecMax=%.2f cpuUsPerMsg=%.2f cpuUsPerMsgMin=%.2f cpuUsPerMsgMax=%.2f",
                mode, kind, clients, n, median(rate), rate[0], rate[n - 1], median(cpu), cpu[0], cpu[n - 1]);
    }

    // ---- one round ----

    /** Opens a connection of one kind to a port. */
    @FunctionalInterface
    interface Connect {
        Conn open(int port) throws IOException;
    }

    /** Starts a client body in a virtual thread (a Picogate task, or a bare virtual thread). */
    @FunctionalInterface
    interface Starter {
        void start(Runnable body);
    }

    record ClientFactory(Connect connect, Starter starter) {
    }

    /** One client connection doing round trips, each with the connection's own random message. */
    abstract static class Conn implements Closeable {
        private final byte[] message;

        Conn(int port) {
            this.message = EchoBench.message(port);
        }

        /** Sends the connection's message, returns the array holding the whole echo. */
        abstract byte[] roundTrip() throws IOException;

        final byte[] message() {
            return message;
        }

        @Override
        public abstract void close();
    }

    private static byte[] message(int port) {
        byte[] m = new byte[MESSAGE];
        new Random(port * 31L + System.nanoTime()).nextBytes(m);
        return m;
    }

    /** Shared by the clients of one round. */
    private static final class Round {
        final CountDownLatch connected;
        final CountDownLatch start = new CountDownLatch(1);
        final CountDownLatch done;
        final CountDownLatch closed;
        final LongAdder messages = new LongAdder();
        final LongAdder failures = new LongAdder();
        final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        final Histogram latency = new Histogram();
        volatile long deadline;

        Round(int clients) {
            connected = new CountDownLatch(clients);
            done = new CountDownLatch(clients);
            closed = new CountDownLatch(clients);
        }

        void failed(Throwable t) {
            failures.increment();
            firstFailure.compareAndSet(null, t);
        }
    }

    private static void client(Round r, Connect connect, int port) {
        Conn c = null;
        boolean counted = false;
        Histogram h = new Histogram();
        try {
            c = connect.open(port);
            r.connected.countDown();
            counted = true;
            r.start.await();
            long deadline = r.deadline;
            byte[] msg = c.message();
            long n = 0;
            long t = System.nanoTime();
            while (n < MAX_PER_CLIENT && t - deadline < 0) {
                byte[] reply = c.roundTrip();
                long t2 = System.nanoTime();
                h.record(t2 - t);
                t = t2;
                if (++n % CHECK_EVERY == 0 && !Arrays.equals(reply, 0, MESSAGE, msg, 0, MESSAGE)) {
                    throw new IOException("echo differs from the message sent");
                }
            }
            r.messages.add(n);
            r.latency.add(h);
        } catch (Throwable t) {
            r.failed(t);
        } finally {
            if (!counted) {
                r.connected.countDown();
            }
            r.done.countDown();
            if (c != null) {
                c.close(); // after the measured window: connection set-up and close are not counted
            }
            r.closed.countDown();
        }
    }

    record RoundResult(String kind, int clients, long messages, long wallNanos, long cpuNanos, long allocBytes,
            Histogram latency, long failures, String failure) {

        double perSecond() {
            return messages * 1e9 / wallNanos;
        }

        double cpuMicrosPerMessage() {
            return messages == 0 ? Double.NaN : cpuNanos / 1000.0 / messages;
        }

        double allocPerMessage() {
            return messages == 0 || allocBytes < 0 ? Double.NaN : allocBytes / (double) messages;
        }

        /** Share of one core the measured process used. */
        double cores() {
            return cpuNanos / (double) wallNanos;
        }

        String line() {
            return String.format(Locale.ROOT, "kind=%s clients=%d msgs=%d msgsPerSec=%.0f cpuUsPerMsg=%.2f"
                    + " allocPerMsg=%.0f cores=%.2f p50us=%.1f p99us=%.1f failures=%d%s", kind, clients, messages,
                    perSecond(), cpuMicrosPerMessage(), allocPerMessage(), cores(), latency.percentile(50) / 1e3,
                    latency.percentile(99) / 1e3, failures, failure == null ? "" : " (" + failure + ")");
        }
    }

    private static RoundResult round(String kind, int clients, Duration length, int port, ClientFactory factory,
            Probe probe) throws Exception {
        Round r = new Round(clients);
        for (int i = 0; i < clients; i++) {
            factory.starter().start(() -> client(r, factory.connect(), port));
        }
        if (!r.connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(kind + ": clients did not connect within 60 s");
        }
        Probe.Sample s0 = probe.sample(kind);
        long t0 = System.nanoTime();
        r.deadline = t0 + length.toNanos();
        r.start.countDown();
        if (!r.done.await(length.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(kind + ": clients did not finish within 60 s of the deadline");
        }
        long t1 = System.nanoTime();
        Probe.Sample s1 = probe.sample(kind);
        r.closed.await(60, TimeUnit.SECONDS);
        probe.awaitNoConnections(kind);
        Thread.sleep(100); // let the closing settle before the next round
        Throwable f = r.firstFailure.get();
        return new RoundResult(kind, clients, r.messages.sum(), t1 - t0, s1.cpuNanos() - s0.cpuNanos(),
                s0.allocBytes() < 0 ? -1 : s1.allocBytes() - s0.allocBytes(), r.latency, r.failures.sum(),
                f == null ? null : f.toString().replace(' ', '_'));
    }

    /** Median (and min, max) over the rounds of one kind. */
    private static String summary(String mode, String kind, int clients, List<RoundResult> rounds) {
        double[] rate = rounds.stream().mapToDouble(RoundResult::perSecond).sorted().toArray();
        double[] cpu = rounds.stream().mapToDouble(RoundResult::cpuMicrosPerMessage).sorted().toArray();
        double[] alloc = rounds.stream().mapToDouble(RoundResult::allocPerMessage).sorted().toArray();
        double[] cores = rounds.stream().mapToDouble(RoundResult::cores).sorted().toArray();
        Histogram all = new Histogram();
        long failures = 0;
        for (RoundResult r : rounds) {
            all.add(r.latency());
            failures += r.failures();
        }
        return String.format(Locale.ROOT, "RESULT mode=%s kind=%s clients=%d rounds=%d msgsPerSec=%.0f"
                + " msgsPerSecMin=%.0f msgsPerSecMax=%.0f cpuUsPerMsg=%.2f cpuUsPerMsgMin=%.2f cpuUsPerMsgMax=%.2f"
                + " allocPerMsg=%.0f cores=%.2f p50us=%.1f p99us=%.1f failures=%d", mode, kind, clients,
                rounds.size(), median(rate), rate[0], rate[rate.length - 1], median(cpu), cpu[0], cpu[cpu.length - 1],
                median(alloc), median(cores), all.percentile(50) / 1e3, all.percentile(99) / 1e3, failures);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    // ---- CPU and allocation of the process that serves ----

    interface Probe {
        record Sample(long cpuNanos, long allocBytes) {
        }

        Sample sample(String kind) throws IOException;

        void awaitNoConnections(String kind) throws IOException, InterruptedException;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Bytes allocated by every thread so far (virtual threads count on their carriers); -1 if unsupported. */
    static long allocatedBytes() {
        try {
            return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                    .getTotalThreadAllocatedBytes();
        } catch (UnsupportedOperationException | ClassCastException e) {
            return -1;
        }
    }

    private static void awaitZero(IntSupplier open, String kind) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (open.getAsInt() > 0) {
            if (System.nanoTime() - end > 0) {
                throw new IllegalStateException(kind + ": " + open.getAsInt() + " connections still open 10 s after"
                        + " the clients closed");
            }
            Thread.sleep(5);
        }
    }

    private record LocalProbe(Map<String, EchoServer> servers) implements Probe {
        @Override
        public Sample sample(String kind) {
            return new Sample(processCpuNanos(), allocatedBytes());
        }

        @Override
        public void awaitNoConnections(String kind) throws InterruptedException {
            awaitZero(servers.get(kind)::open, kind);
        }
    }

    /** Asks the server process over its control connection. */
    private static final class RemoteProbe implements Probe, AutoCloseable {
        private final Socket control;
        private final BufferedReader in;
        private final Writer out;

        RemoteProbe(int port) throws IOException {
            control = new Socket(HOST, port);
            in = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.US_ASCII));
            out = new java.io.OutputStreamWriter(control.getOutputStream(), StandardCharsets.US_ASCII);
        }

        private long[] ask(String kind) throws IOException {
            out.write("stats " + kind + "\n");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                throw new EOFException("server process ended");
            }
            return Arrays.stream(line.trim().split(" ")).mapToLong(Long::parseLong).toArray();
        }

        @Override
        public Sample sample(String kind) throws IOException {
            long[] s = ask(kind);
            return new Sample(s[0], s[1]);
        }

        @Override
        public void awaitNoConnections(String kind) throws IOException, InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ask(kind)[2] > 0) {
                if (System.nanoTime() - end > 0) {
                    throw new IllegalStateException(kind + ": connections still open 10 s after the clients closed");
                }
                Thread.sleep(5);
            }
        }

        void quit() throws IOException {
            out.write("quit\n");
            out.flush();
        }

        @Override
        public void close() throws IOException {
            control.close();
        }
    }

    /** The servers and a control port; answers {@code stats KIND} until {@code quit}. */
    private static void serverProcess(int maxSeconds) throws Exception {
        Thread.ofPlatform().daemon().start(() -> { // bounded in time whatever the clients do
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(maxSeconds));
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("server: " + maxSeconds + " s passed, exiting");
            System.exit(3);
        });
        try (TestScheduler scheduler = TestScheduler.start(Clock.system(), "bench");
                ServerSocket control = new ServerSocket()) {
            Map<String, EchoServer> servers = startServers(new StreamFactory(scheduler, StreamSettings.DEFAULTS),
                    1024);
            control.bind(new InetSocketAddress(HOST, 0), 1);
            StringBuilder ports = new StringBuilder();
            servers.forEach((k, s) -> ports.append(ports.isEmpty() ? "" : ",").append(k).append('=').append(s.port()));
            // one write: the script reads this line as soon as it appears
            System.out.println(String.format(Locale.ROOT, "PORTS control=%d servers=%s processors=%d",
                    control.getLocalPort(), ports, Runtime.getRuntime().availableProcessors()));
            System.out.flush();
            try (Socket c = control.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(),
                        StandardCharsets.US_ASCII));
                PrintStream out = new PrintStream(c.getOutputStream(), true, StandardCharsets.US_ASCII);
                String line;
                while ((line = in.readLine()) != null && !line.equals("quit")) {
                    if (line.startsWith("stats ")) {
                        EchoServer s = servers.get(line.substring(6));
                        out.println(processCpuNanos() + " " + allocatedBytes() + " " + (s == null ? 0 : s.open()));
                    } else {
                        out.println("? " + line);
                    }
                }
            }
            servers.values().forEach(EchoServer::close);
        }
    }

    // ---- servers ----

    interface EchoServer {
        int port();

        /** Connections open now. */
        int open();

        void close();
    }

    static Map<String, EchoServer> startServers(StreamFactory streams, int maxConnections) throws IOException {
        Map<String, EchoServer> servers = new LinkedHashMap<>();
        servers.put("picogate", picogateServer(streams, EchoBench::echoBuffer, maxConnections));
        servers.put("picogate-bytes", picogateServer(streams, EchoBench::echoBytes, maxConnections));
        servers.put("plain", new PlainServer(EchoBench::plainEcho));
        if (!servers.keySet().equals(Set.copyOf(KINDS))) {
            throw new AssertionError(servers.keySet());
        }
        return servers;
    }

    /** The benchmark holds its servers itself: nothing is told when one closes. */
    static EchoServer picogateServer(StreamFactory streams, StreamHandler handler, int maxConnections)
            throws IOException {
        StreamServer server = streams.listen(ListenOptions.port(0).withHost(HOST).withBacklog(4096)
                .withMaxConnections(maxConnections).withName("echo"), handler);
        return new EchoServer() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public int open() {
                return server.stats().open();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    /** Echoes each read back, reusing one buffer: the allocation-free calls. */
    static void echoBuffer(Stream s) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(MESSAGE);
        while (true) {
            buf.clear();
            if (s.read(buf) < 0) {
                return;
            }
            buf.flip();
            s.write(buf);
            s.drain();
        }
    }

    /** Echoes each read back with the calls that return new arrays (uasyncio's {@code read(n)}). */
    static void echoBytes(Stream s) throws IOException {
        byte[] b;
        while ((b = s.read(MESSAGE)).length > 0) {
            s.write(b);
            s.drain();
        }
    }

    /** Serves one plain socket. */
    @FunctionalInterface
    interface PlainHandler {
        void handle(Socket socket) throws IOException;
    }

    static void plainEcho(Socket socket) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        byte[] buf = new byte[MESSAGE];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            out.flush();
        }
    }

    /** A blocking {@link ServerSocket} with one virtual thread per connection. */
    static final class PlainServer implements EchoServer {
        private final ServerSocket listener = new ServerSocket();
        private final PlainHandler handler;
        private final AtomicInteger open = new AtomicInteger();
        private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

        PlainServer(PlainHandler handler) throws IOException {
            this.handler = handler;
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(HOST, 0), 4096);
            Thread.ofVirtual().name("plain accept").start(this::acceptLoop);
        }

        private void acceptLoop() {
            while (!listener.isClosed()) {
                Socket c;
                try {
                    c = listener.accept();
                } catch (IOException e) {
                    if (listener.isClosed()) {
                        return;
                    }
                    System.err.println("plain server: accept failed: " + e);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException stop) {
                        return;
                    }
                    continue;
                }
                open.incrementAndGet();
                sockets.add(c);
                Thread.ofVirtual().name("plain conn").start(() -> serve(c));
            }
        }

        private void serve(Socket c) {
            try (c) {
                c.setTcpNoDelay(true);
                handler.handle(c);
            } catch (IOException peerGone) {
                // the connection ends either way
            } finally {
                sockets.remove(c);
                open.decrementAndGet();
            }
        }

        @Override
        public int port() {
            return listener.getLocalPort();
        }

        @Override
        public int open() {
            return open.get();
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closed
            }
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closed
                }
            }
        }
    }

    // ---- clients ----

    /** Picogate client with the allocation-free calls. */
    static final class PicogateConn extends Conn {
        private final BufferedStream stream;
        private final byte[] reply = new byte[MESSAGE];
        private final ByteBuffer src = ByteBuffer.wrap(message());
        private final ByteBuffer dst = ByteBuffer.wrap(reply);

        PicogateConn(StreamFactory streams, int port) throws IOException {
            super(port);
            stream = streams.connect(HOST, port, ConnectOptions.defaults(), null);
        }

        @Override
        byte[] roundTrip() throws IOException {
            src.clear();
            stream.write(src);
            stream.drain();
            dst.clear();
            while (dst.hasRemaining()) {
                if (stream.read(dst) < 0) {
                    throw new EOFException("server closed");
                }
            }
            return reply;
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    /** Picogate client with the calls that return new arrays. */
    static final class PicogateBytesConn extends Conn {
        private final BufferedStream stream;

        PicogateBytesConn(StreamFactory streams, int port) throws IOException {
            super(port);
            stream = streams.connect(HOST, port, ConnectOptions.defaults(), null);
        }

        @Override
        byte[] roundTrip() throws IOException {
            stream.write(message());
            stream.drain();
            return stream.readExactly(MESSAGE);
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    /** Plain blocking socket with buffered streams. */
    static final class PlainConn extends Conn {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] reply = new byte[MESSAGE];

        PlainConn(int port) throws IOException {
            super(port);
            socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(HOST, port), 10_000);
                in = new BufferedInputStream(socket.getInputStream());
                out = new BufferedOutputStream(socket.getOutputStream());
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        @Override
        byte[] roundTrip() throws IOException {
            out.write(message());
            out.flush();
            if (in.readNBytes(reply, 0, MESSAGE) != MESSAGE) {
                throw new EOFException("server closed");
            }
            return reply;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed
            }
        }
    }

    // ---- latency ----

    /** Log-linear histogram of nanoseconds: 16 buckets per power of two (within ~6 %). */
    static final class Histogram {
        private static final int SUB = 16;
        private final long[] counts = new long[64 * SUB];
        private long total;

        private static int bucket(long v) {
            if (v < SUB) {
                return (int) Math.max(0, v);
            }
            int exp = 63 - Long.numberOfLeadingZeros(v); // >= 4
            int sub = (int) (v >>> (exp - 4)) & (SUB - 1);
            return (exp - 3) * SUB + sub;
        }

        /** The middle of a bucket. */
        private static double value(int b) {
            if (b < SUB) {
                return b;
            }
            int exp = b / SUB + 3;
            int sub = b % SUB;
            return ((SUB + sub) + 0.5) * (1L << (exp - 4));
        }

        void record(long nanos) {
            counts[bucket(nanos)]++;
            total++;
        }

        synchronized void add(Histogram other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
            total += other.total;
        }

        synchronized double percentile(double p) {
            if (total == 0) {
                return Double.NaN;
            }
            long rank = (long) Math.ceil(total * p / 100);
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return value(i);
                }
            }
            return value(counts.length - 1);
        }
    }
}
