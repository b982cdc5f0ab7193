package org.picogate.itests.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.picogate.itests.browser.GatewayProcess;

/**
 * Memory under attack: the exported gateway at {@code -Xmx16m} gets 10,000 oversized or malformed requests (over-long
 * request line, too many and too big headers, a huge Content-Length, a bad chunk size, garbage bytes; 16 at a time,
 * each on its own connection) and then a flood of 2,000 connections past its {@code maxConnections} of 1024. Every
 * bad request must be answered with a 4xx or closed without an answer; afterwards the gateway must be running, must
 * not have printed an OutOfMemoryError, must answer a good request, and its heap after a full GC must be back near
 * where it was before the attack (measured with {@code jcmd}).
 */
@Timeout(240) // a hang fails the build; the run takes ~30 s
class MemoryAttackIT {
    static final int BAD_REQUESTS = 10_000;
    static final int FLOOD = 2_000;
    /** Heap after GC may exceed its value before the attack by this much (caches, the JIT's and class data). */
    static final long HEAP_SLACK_KIB = 2048;

    @TempDir
    Path workDir;

    private GatewayProcess gateway;

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void atXmx16mTheGatewaySurvivesTenThousandBadRequestsAndAFloodWithItsHeapBackToBaseline() throws Exception {
        AttackRun.writeSite(workDir);
        gateway = GatewayProcess.start(GatewayProcess.exportedJar(), workDir, Duration.ofSeconds(90),
                "staticDir=\"site\"\nidleTimeoutMillis=L\"5000\"\n", List.of("-Xmx16m"));
        assertThat(get("/ok.txt")).isEqualTo(200); // warm: the first answers load classes
        long before = HeapProbe.usedAfterGcKiB(gateway.pid());

        Map<Integer, AtomicInteger> statuses = sendBadRequests();
        int flooded = flood();

        long after = HeapProbe.usedAfterGcKiB(gateway.pid());
        String report = "statuses " + new TreeMap<>(statuses) + ", flood resets " + flooded + ", heap after GC "
                + before + " KiB before, " + after + " KiB after\ngateway output:\n" + gateway.output();
        System.out.println("MemoryAttackIT: " + report.lines().findFirst().orElseThrow());

        int answeredOrClosed = 0;
        for (Map.Entry<Integer, AtomicInteger> e : statuses.entrySet()) {
            assertThat(e.getKey() == 0 || (e.getKey() >= 400 && e.getKey() < 500))
                    .as("status " + e.getKey() + ": a bad request got neither a 4xx nor the close\n" + report).isTrue();
            answeredOrClosed += e.getValue().get();
        }
        assertThat(answeredOrClosed).isEqualTo(BAD_REQUESTS);
        assertThat(flooded).as("flood connections past maxConnections reset\n" + report)
                .isGreaterThanOrEqualTo(FLOOD - 1024);
        assertThat(gateway.isAlive()).as("the gateway is running\n" + report).isTrue();
        assertThat(gateway.output()).as("the gateway's output").doesNotContain("OutOfMemoryError");
        assertThat(get("/ok.txt")).as("a good request after the attack\n" + report).isEqualTo(200);
        assertThat(after).as("heap after GC back near its value before the attack\n" + report)
                .isLessThanOrEqualTo(before + HEAP_SLACK_KIB);
    }

    /** Sends the bad requests, 16 connections at a time; the status each got (0: closed without an answer). */
    private Map<Integer, AtomicInteger> sendBadRequests() throws Exception {
        BadRequests bad = new BadRequests("127.0.0.1", gateway.port());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int w = 0; w < 16; w++) {
                workers.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < BAD_REQUESTS;) {
                        int status = bad.send(i);
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(); // an IOException (an answer that is not HTTP) fails the test with its request
            }
        }
        return statuses;
    }

    /**
     * Opens {@link #FLOOD} connections and holds them all, then closes them; returns how many the server reset
     * (or refused) while the others were held: those past its {@code maxConnections}.
     */
    private int flood() throws Exception {
        List<Socket> held = new ArrayList<>();
        int reset = 0;
        try {
            for (int i = 0; i < FLOOD; i++) {
                Socket s = new Socket();
                held.add(s);
                try {
                    s.connect(new InetSocketAddress("127.0.0.1", gateway.port()), 10_000);
                } catch (IOException refused) {
                    reset++;
                }
            }
            Thread.sleep(1000); // a real server, not timing logic: let it accept (and reset) the last ones
            for (Socket s : held) {
                if (s.isConnected()) {
                    s.setSoTimeout(1); // the excess was reset at once; a held connection has nothing to read
                    try {
                        if (s.getInputStream().read() < 0) {
                            reset++;
                        }
                    } catch (java.net.SocketTimeoutException heldOpen) {
                        // accepted and held
                    } catch (IOException wasReset) {
                        reset++;
                    }
                }
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        return reset;
    }

    private int get(String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode();
        }
    }
}
