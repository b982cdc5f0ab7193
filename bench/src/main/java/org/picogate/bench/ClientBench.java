package org.picogate.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.picogate.client.ClientSession;
import org.picogate.client.SessionOptions;
import org.picogate.client.internal.StandaloneHttpClient;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.streams.testing.TestStreams;

/**
 * Keep-alive GETs of one URL (the seed's 12000-byte page on nginx, see bench/run-client.sh) by N concurrent tasks
 * (virtual threads) through one client, for a warm-up then a measured period: requests/s and this process's CPU
 * microseconds per request (utime+stime of the whole JVM: client, GC, JIT). One client per JVM run, so the
 * figures of one do not include another's garbage.
 *
 * <pre>
 *   ClientBench get URL picogate|jdk|netty TASKS WARMUP_S MEASURE_S
 *   ClientBench idle URL CONNECTIONS       heap per pooled idle connection of the Picogate client
 * </pre>
 */
public final class ClientBench {

    /** One GET whose body is read whole; returns the body length. */
    @FunctionalInterface
    interface Get {
        int get() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "get" -> get(URI.create(args[1]), args[2], Integer.parseInt(args[3]), Double.parseDouble(args[4]),
                    Double.parseDouble(args[5]));
            case "idle" -> idle(URI.create(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("get or idle: " + args[0]);
        }
    }

    private static void get(URI url, String which, int tasks, double warmup, double measure) throws Exception {
        try (TestScheduler scheduler = TestScheduler.start(Clock.system(), "client-bench")) {
            Get get;
            AutoCloseable closer;
            switch (which) {
                case "picogate" -> {
                    ClientSession session = new StandaloneHttpClient(scheduler, new TestStreams(scheduler)).session(
                            SessionOptions.defaults().withMaxConnectionsPerHost(tasks));
                    String u = url.toString();
                    get = () -> session.get(u).bytes().length;
                    closer = session;
                }
                case "jdk" -> {
                    java.net.http.HttpClient jdk = java.net.http.HttpClient.newBuilder().version(Version.HTTP_1_1)
                            .build();
                    HttpRequest request = HttpRequest.newBuilder(url).GET().build();
                    get = () -> jdk.send(request, BodyHandlers.ofByteArray()).body().length;
                    closer = jdk;
                }
                case "netty" -> {
                    NettyGetClient netty = new NettyGetClient(url);
                    get = netty::get;
                    closer = netty;
                }
                default -> throw new IllegalArgumentException("picogate, jdk or netty: " + which);
            }
            int length = get.get();
            run(get, tasks, warmup);
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            long requests = run(get, tasks, measure);
            long wall = System.nanoTime() - t0;
            long cpu = cpuNanos() - cpu0;
            System.out.printf("%s tasks=%d requests=%d body=%d req_per_s=%.0f cpu_us_per_req=%.2f%n", which, tasks,
                    requests, length, requests / (wall / 1e9), cpu / 1e3 / requests);
            closer.close();
        }
    }

    /** Runs {@code tasks} loops of {@code get} for {@code seconds}; returns the requests done. */
    private static long run(Get get, int tasks, double seconds) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < tasks; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    while (!stop.get()) {
                        get.get();
                        done.increment();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " tasks failed", failures.get(0));
        }
        return done.sum();
    }

    /** Heap after a full GC, {@code connections} pooled idle connections open, less the same before. */
    private static void idle(URI url, int connections) throws Exception {
        try (TestScheduler scheduler = TestScheduler.start(Clock.system(), "client-idle")) {
            ClientSession session = new StandaloneHttpClient(scheduler, new TestStreams(scheduler)).session(
                    SessionOptions.defaults().withMaxConnectionsPerHost(connections).withMaxConnections(connections)
                            .withIdleTimeout(Duration.ofMinutes(10)));
            session.get(url.toString()).bytes(); // classes loaded, one connection
            long before = usedHeapAfterGc();
            // all at once, so that each needs a connection of its own
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CyclicBarrier allHaveResponses = new java.util.concurrent.CyclicBarrier(connections);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        start.await();
                        var response = session.get(url.toString());
                        allHaveResponses.await(); // hold the connection until every task has one
                        response.bytes();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
            threads.clear();
            var stats = session.stats();
            long after = usedHeapAfterGc();
            System.out.printf("idle connections=%d (pool: %s) heap_bytes_per_idle_connection=%.0f%n", stats.idle(),
                    stats, (after - before) / (double) (stats.idle() - 1));
            session.close();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
