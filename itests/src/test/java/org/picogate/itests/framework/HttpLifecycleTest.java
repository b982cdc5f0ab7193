package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.picogate.http.Handler;
import org.picogate.itests.framework.HttpClientConnection.Answer;
import org.picogate.itests.framework.HttpClientConnection.BrokenAnswerException;
import org.picogate.itests.framework.HttpClientConnection.NoAnswerException;

/**
 * The HTTP server's lifecycle in Felix over real sockets, with requests in flight: stopping the bundle (stop
 * accepting, finish what is in flight within {@code shutdownGraceMillis}, cut the rest) and moving to another
 * port under load from 20 keep-alive clients.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class HttpLifecycleTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final byte[] PAGE = "Hello.\r\n".repeat(1500).getBytes(StandardCharsets.US_ASCII); // the seed's 12000 B
    /** Between two requests of a port-change client: 20 clients then send ~4000 requests a second, not 50,000. */
    static final Duration PACE = Duration.ofMillis(5);
    static final byte[] SLOW_BODY = "slow answer\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    @TempDir
    Path site;

    private int port;
    private ServiceRegistration<Handler> handler;
    /** {@code /slow} requests wait for this; {@code /forever} ones for {@link #never}. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch never = new CountDownLatch(1);
    private final AtomicInteger slowEntered = new AtomicInteger();
    private final AtomicInteger foreverEntered = new AtomicInteger();
    private final AtomicBoolean foreverCut = new AtomicBoolean();

    @BeforeEach
    void serve() throws Exception {
        port = HttpFixture.freePort();
        Files.write(site.resolve("index.html"), PAGE);
        handler = context.registerService(Handler.class, (request, response) -> {
            switch (request.path()) {
                case "/slow" -> {
                    slowEntered.incrementAndGet();
                    release.await();
                    response.send(SLOW_BODY);
                }
                case "/forever" -> {
                    foreverEntered.incrementAndGet();
                    try {
                        never.await();
                    } catch (InterruptedException cut) {
                        foreverCut.set(true); // the server cancelled this request's task at the grace
                        throw cut;
                    }
                }
                default -> response.send("app " + request.path());
            }
        }, null);
    }

    @AfterEach
    void reset() throws Exception {
        release.countDown();
        never.countDown();
        Bundle http = httpBundle();
        if (http.getState() != Bundle.ACTIVE) {
            http.start();
        }
        handler.unregister();
        HttpFixture.reset(configAdmin);
    }

    private void configure(int listenPort, long shutdownGraceMillis) throws IOException {
        // no connection closes because it served its quota: those that close do so because the server retires them
        HttpFixture.serve(configAdmin, listenPort, "maxRequestsPerConnection", 1_000_000,
                "staticDir", site.toString(), "staticPrefix", "/static", "shutdownGraceMillis", shutdownGraceMillis);
    }

    private Bundle httpBundle() {
        return Arrays.stream(context.getBundles()).filter(b -> "org.picogate.http".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
    }

    /** Why {@link #answers(int)} last said no, for the message of a wait that ran out. */
    private static volatile String lastNoAnswer = "";

    /** Whether a GET of the static page on a new connection gets it whole. */
    static boolean answers(int port) {
        try (HttpClientConnection c = HttpClientConnection.open(port)) {
            Answer a = c.get("/static/index.html");
            lastNoAnswer = a.status() + " " + a.headers() + " " + a.body().length + " bytes";
            return a.status() == 200 && Arrays.equals(a.body(), PAGE);
        } catch (IOException notYet) {
            lastNoAnswer = notYet.toString();
            return false;
        }
    }

    /** Whether nothing listens on the port any more: a connection attempt is refused. */
    static boolean refuses(int port) {
        try (HttpClientConnection c = HttpClientConnection.open(port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }

    @Test
    void stoppingTheBundleRefusesNewConnectionsFinishesRequestsInFlightAndCutsTheRestAtTheGrace()
            throws Exception {
        long grace = 8000; // the assertions between the stop and the cut take well under this
        configure(port, grace);
        Await.until(WAIT, () -> "the server on port " + port + ": " + lastNoAnswer, () -> answers(port));

        HttpClientConnection idle = HttpClientConnection.open(port);
        assertThat(idle.get("/static/index.html").status()).isEqualTo(200); // now idle, kept alive
        List<HttpClientConnection> slow = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpClientConnection c = HttpClientConnection.open(port);
            c.send("GET /slow HTTP/1.1\r\nHost: gw\r\n\r\n");
            slow.add(c);
        }
        HttpClientConnection forever = HttpClientConnection.open(port);
        forever.send("GET /forever HTTP/1.1\r\nHost: gw\r\n\r\n");
        Await.until(WAIT, () -> slowEntered + " of 3 slow requests and " + foreverEntered + " of 1 endless in "
                + "their handlers", () -> slowEntered.get() == 3 && foreverEntered.get() == 1);

        Bundle http = httpBundle();
        Thread stopping = Thread.ofVirtual().start(() -> {
            try {
                http.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // at once: no new connections, and the idle keep-alive connection is closed without another byte
        Await.until(WAIT, () -> "port " + port + " refusing connections", () -> refuses(port));
        assertThat(idle.endedCleanly()).as("idle connection closed with a FIN").isTrue();
        assertThat(http.getState()).as("still stopping: requests in flight").isEqualTo(Bundle.STOPPING);

        // the requests in flight finish, whole, and their connections close after the answer
        release.countDown();
        for (HttpClientConnection c : slow) {
            Answer a = c.read();
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).isEqualTo(SLOW_BODY);
            assertThat(c.endedCleanly()).as("closed with a FIN after the answer").isTrue();
            c.close();
        }
        assertThat(http.getState()).as("still stopping: one request waits, within the grace")
                .isEqualTo(Bundle.STOPPING);
        assertThat(foreverCut).isFalse();

        // the endless request is cut at the grace, unanswered, and the stop completes
        assertThatThrownBy(forever::read).isInstanceOf(NoAnswerException.class);
        stopping.join(WAIT);
        assertThat(stopping.isAlive()).isFalse();
        assertThat(http.getState()).isEqualTo(Bundle.RESOLVED);
        Await.until(WAIT, () -> "the endless handler cancelled", foreverCut::get);
        idle.close();
        forever.close();

        // and it comes back with the same configuration
        http.start();
        Await.until(WAIT, () -> "the server on port " + port + " again: " + lastNoAnswer, () -> answers(port));
    }

    /** What the clients of the port-change test saw, summed over all of them. */
    private static final class Tally {
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger answeredOnNewPort = new AtomicInteger();
        /** Per client: answers on the new port. */
        final AtomicIntegerArray movedClients;
        /** Connections the server closed with a last answer saying {@code Connection: close}. */
        final AtomicInteger closedAfterLastAnswer = new AtomicInteger();
        /** Kept-alive connections the client found closed before it sent its next request. */
        final AtomicInteger foundClosedWhileIdle = new AtomicInteger();
        /** Requests that got no byte of an answer on a connection that had answered before: retried. */
        final AtomicInteger retriedAfterIdleClose = new AtomicInteger();
        /** New connections to the old port that ended before any answer, while it closed: retried. */
        final AtomicInteger retriedOnClosingPort = new AtomicInteger();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        Tally(int clients) {
            movedClients = new AtomicIntegerArray(clients);
        }

        /** Whether every client got at least {@code n} answers on the new port. */
        boolean allMoved(int n) {
            for (int i = 0; i < movedClients.length(); i++) {
                if (movedClients.get(i) < n) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "answered " + answered + " (" + answeredOnNewPort + " on the new port), closed after a last answer "
                    + closedAfterLastAnswer + ", found closed while idle " + foundClosedWhileIdle
                    + ", retried after an idle close " + retriedAfterIdleClose
                    + ", retried on the closing port " + retriedOnClosingPort + ", failures " + failures;
        }
    }

    @Test
    void aPortTakenWhenTheServerStartsDoesNotKeepItFromMovingToAFreeOne() throws Exception {
        Bundle http = httpBundle();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            http.stop();
            configure(taken.getLocalPort(), 1000);
            http.start(); // the server cannot listen; it must stay up and wait for a configuration it can serve
            configure(port, 1000);
            Await.until(WAIT, () -> "the server on the free port " + port + ": " + lastNoAnswer, () -> answers(port));
        }
    }

    @Test
    void aPortChangeUnderLoadMovesEveryClientWithoutAFailedRequest() throws Exception {
        int oldPort = port;
        int newPort = HttpFixture.freePort();
        long grace = 30_000; // far longer than the test: connections must move because they are closed, not cut
        Duration moveWait = Duration.ofSeconds(10);
        configure(oldPort, grace);
        Await.until(WAIT, () -> "the server on port " + oldPort + ": " + lastNoAnswer, () -> answers(oldPort));

        int clients = 20;
        Tally tally = new Tally(clients);
        AtomicBoolean changeIssued = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch warmedUp = new CountDownLatch(clients);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> runClient(client, oldPort, newPort, changeIssued, stop, warmedUp,
                        tally)));
            }
            // requests in flight across the change: answered after the new port is open
            List<HttpClientConnection> inFlight = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpClientConnection c = HttpClientConnection.open(oldPort);
                c.send("GET /slow HTTP/1.1\r\nHost: gw\r\n\r\n");
                inFlight.add(c);
            }
            Await.until(WAIT, () -> slowEntered + " of 3 slow requests in their handlers",
                    () -> slowEntered.get() == 3);
            assertThat(warmedUp.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("every client answered").isTrue();

            changeIssued.set(true);
            configure(newPort, grace);
            Await.until(WAIT, () -> "the server on the new port " + newPort + ": " + lastNoAnswer,
                    () -> answers(newPort));
            release.countDown();
            for (HttpClientConnection c : inFlight) {
                Answer a = c.read();
                assertThat(a.status()).isEqualTo(200);
                assertThat(a.body()).isEqualTo(SLOW_BODY);
                assertThat(c.endedCleanly()).as("closed with a FIN after its answer").isTrue();
                c.close();
            }

            // the old port closes once its connections are done, long before the grace
            Await.until(moveWait, () -> "the old port " + oldPort + " refusing connections; " + tally,
                    () -> refuses(oldPort));
            // load on the new port for a moment: every client must have moved
            Await.until(moveWait, () -> "every client answered 10 times on the new port; " + tally,
                    () -> tally.allMoved(10));
            stop.set(true);
            for (Future<?> f : running) {
                f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        System.out.println("HttpLifecycleTest port change: " + tally);
        assertThat(tally.failures).as(tally.toString()).isEmpty();
        assertThat(answers(newPort)).isTrue();
        assertThat(refuses(oldPort)).isTrue();
    }

    /**
     * One client: keep-alive GETs (the static page and the application in turn) until told to stop, on the old
     * port until it refuses connections, then on the new one. Before it reuses a connection it checks that the
     * server has not closed it meanwhile. A request that gets no byte of an answer is retried
     * on a new connection when RFC 9112 9.3.1 allows it (the connection had answered before and was closed while
     * idle, or it is a new connection to the old port as it closes); anything else that is not a whole 200 is a
     * failure.
     */
    private void runClient(int client, int oldPort, int newPort, AtomicBoolean changeIssued, AtomicBoolean stop,
            CountDownLatch warmedUp, Tally tally) {
        int target = oldPort;
        HttpClientConnection connection = null;
        boolean counted = false;
        try {
            for (int r = 0; !stop.get(); r++) {
                if (connection != null && connection.closedWhileIdle()) {
                    tally.foundClosedWhileIdle.incrementAndGet();
                    connection.close();
                    connection = null;
                }
                if (connection == null) {
                    try {
                        connection = HttpClientConnection.open(target);
                    } catch (ConnectException refused) {
                        if (target == oldPort && changeIssued.get()) {
                            target = newPort;
                            continue;
                        }
                        tally.failures.add("client " + client + ": port " + target + " refused a connection");
                        return;
                    }
                }
                String path = r % 2 == 0 ? "/static/index.html" : "/c" + client + "/r" + r;
                try {
                    Answer a = connection.get(path);
                    boolean right = a.status() == 200 && (r % 2 == 0 ? Arrays.equals(a.body(), PAGE)
                            : a.text().equals("app " + path));
                    if (!right) {
                        tally.failures.add("client " + client + " " + path + ": " + a.status() + " " + a.text());
                        return;
                    }
                    tally.answered.incrementAndGet();
                    if (target == newPort) {
                        tally.answeredOnNewPort.incrementAndGet();
                        tally.movedClients.incrementAndGet(client);
                    }
                    if (!counted) {
                        counted = true;
                        warmedUp.countDown();
                    }
                    if (a.closes()) {
                        tally.closedAfterLastAnswer.incrementAndGet();
                        connection.close();
                        connection = null;
                    }
                    Thread.sleep(PACE.toMillis());
                } catch (NoAnswerException unanswered) {
                    boolean reused = connection.answers() > 0;
                    connection.close();
                    connection = null;
                    if (reused && !unanswered.reset && changeIssued.get()) {
                        tally.retriedAfterIdleClose.incrementAndGet();
                    } else if (!reused && target == oldPort && changeIssued.get()) {
                        tally.retriedOnClosingPort.incrementAndGet();
                    } else {
                        tally.failures.add("client " + client + " " + path + " on port " + target + ": "
                                + unanswered.getMessage() + (reused ? " on a reused connection" : ""));
                        return;
                    }
                    r--; // the same request again
                } catch (BrokenAnswerException broken) {
                    tally.failures.add("client " + client + " " + path + " on port " + target + ": " + broken);
                    return;
                }
            }
        } catch (IOException e) {
            tally.failures.add("client " + client + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // closing a test socket
                }
            }
        }
    }
}
