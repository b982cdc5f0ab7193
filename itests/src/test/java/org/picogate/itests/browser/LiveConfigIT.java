package org.picogate.itests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live configuration of the exported gateway through {@code deploy/*.config} files (FileInstall), as a user edits
 * them: the HTTP port and limits changed under load, then files with invalid values, which must be refused with a
 * log line naming the PID and the key while the configuration in force stays. One gateway for the class, the
 * tests in order (each starts from the configuration the one before left).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveConfigIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PAGE = "/static/notes.css";
    /** One header line of 2000 bytes: under the default maxHeaderBytes (16384), over the 1024 set below. */
    private static final String BIG_HEADER = "X-Big: " + "a".repeat(2000) + "\r\n";
    private static final int CLIENTS = 4;
    /** Between two requests of a client: the load stays light on a shared machine, and no client starves. */
    private static final Duration PACE = Duration.ofMillis(2);

    @TempDir
    static Path workDir;

    private static GatewayProcess gateway;
    /** The port the server is configured on now. */
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start(GatewayProcess.exportedJar(), workDir, Duration.ofSeconds(30));
        port = gateway.port();
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    @Order(1)
    void aNewPortAndLimitsInTheConfigFileApplyUnderLoadWithoutAFailedRequest() throws Exception {
        int oldPort = port;
        int newPort = freePort();
        assertThat(RawHttp.once(oldPort, PAGE, BIG_HEADER).status()).as("a 2000-byte header before").isEqualTo(200);

        Tally tally = new Tally(CLIENTS);
        AtomicBoolean changed = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> runClient(client, oldPort, newPort, changed, stop, tally)));
            }
            try {
                await(() -> "answers on the old port; " + tally, () -> tally.answered.get() >= CLIENTS * 20);
                changed.set(true);
                long written = System.nanoTime();
                writeConfig("org.picogate.http.config", "port=I\"" + newPort + "\"\nhost=\"127.0.0.1\"\n"
                        + "maxHeaderBytes=I\"1024\"\n");
                await(() -> "the new port " + newPort + " answering", () -> answers(newPort));
                port = newPort; // the tests after this one go on from here, whatever this one finds next
                System.out.println("LiveConfigIT: config file written to the new port answering: "
                        + (System.nanoTime() - written) / 1_000_000 + " ms");
                await(() -> "the old port " + oldPort + " refusing connections; " + tally, () -> refuses(oldPort));
                await(() -> "every client answered 10 times on the new port; " + tally, () -> tally.allMoved(10));
            } finally {
                stop.set(true);
            }
            for (Future<?> f : clients) {
                f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        System.out.println("LiveConfigIT port change: " + tally);
        assertThat(tally.failures).as(tally.toString()).isEmpty();
        assertThat(RawHttp.once(newPort, PAGE, BIG_HEADER).status()).as("a 2000-byte header after").isEqualTo(431);
        assertThat(RawHttp.once(newPort, PAGE, "X-Small: b\r\n").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void configFilesWithInvalidValuesAreRefusedByKeyAndTheConfigurationInForceStays() throws Exception {
        int current = port;
        int other = freePort();
        // a new port with a value of the wrong type and a misspelt key: nothing of it applies, the port included
        int mark = gateway.lines();
        writeConfig("org.picogate.http.config", "port=I\"" + other + "\"\nhost=\"127.0.0.1\"\nmaxHeaderBytes=I\"1024\"\n"
                + "maxBody=\"lots\"\nmaxHeaderByte=I\"100000\"\n");
        gateway.awaitLine(mark, "org.picogate.http: rejected maxBody=lots (not a long); keeping the configuration in"
                + " force", WAIT);
        gateway.awaitLine(mark, "org.picogate.http: ignored unknown key(s) maxHeaderByte", WAIT);
        assertThat(RawHttp.once(current, PAGE, "").status()).as("the port in force").isEqualTo(200);
        assertThat(refuses(other)).as("the port of the rejected file is not opened").isTrue();

        // a negative size
        mark = gateway.lines();
        writeConfig("org.picogate.http.config", "port=I\"" + current + "\"\nhost=\"127.0.0.1\"\n"
                + "maxHeaderBytes=I\"-1\"\n");
        gateway.awaitLine(mark, "org.picogate.http: rejected maxHeaderBytes=-1 (must be at least 64)", WAIT);
        assertThat(RawHttp.once(current, PAGE, BIG_HEADER).status()).as("maxHeaderBytes=1024 in force")
                .isEqualTo(431);
        assertThat(RawHttp.once(current, PAGE, "").status()).isEqualTo(200);

        // the scheduler, which every bundle's tasks need: a value of the wrong type used to fail its component
        mark = gateway.lines();
        writeConfig("org.picogate.scheduler.config", "graceMillis=\"soon\"\nmaxTasksPerBundle=I\"-3\"\n");
        gateway.awaitLine(mark, "org.picogate.scheduler: rejected graceMillis=soon (not a long); keeping "
                + "graceMillis=2000, maxTasksPerBundle=0", WAIT);
        mark = gateway.lines();
        gateway.shell("picogate:tasks");
        assertThat(gateway.awaitLine(mark, " live task(s), ", WAIT)).anyMatch(l -> l.contains("accept http:" + current));
        assertThat(RawHttp.once(current, PAGE, "").status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void theNotesAppRefusesAnInvalidConfigFileByKeyAndStartsAgainOnAValidOne() throws Exception {
        int mark = gateway.lines();
        writeConfig("org.picogate.notes.config", "databaseFile=\"data/notes.db\"\nmaxTitleLength=I\"0\"\n");
        gateway.awaitLine(mark, "org.picogate.notes: rejected maxTitleLength=0 (must be at least 1); the app is"
                + " stopped until its configuration is corrected", WAIT);

        writeConfig("org.picogate.notes.config", "databaseFile=\"data/notes.db\"\npicogate.http.prefix=\"/notes\"\n");
        await(() -> "the app started again under /notes", () -> status("/notes/") == 200);
        await(() -> "the root no longer the app's (404 after the swap grace)", () -> status("/") == 404);
    }

    private static int status(String path) {
        try {
            return RawHttp.once(port, path, "").status();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The answers and failures of the clients of a port change. */
    private static final class Tally {
        final AtomicInteger answered = new AtomicInteger();
        final AtomicIntegerArray onNewPort;
        /** What each client is doing: said when it seems stuck. */
        final AtomicReferenceArray<String> doing;
        /** Requests that got no byte of an answer as the old port closed: retried, as RFC 9112 9.3.1 allows. */
        final AtomicInteger retried = new AtomicInteger();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        Tally(int clients) {
            onNewPort = new AtomicIntegerArray(clients);
            doing = new AtomicReferenceArray<>(clients);
        }

        boolean allMoved(int n) {
            for (int i = 0; i < onNewPort.length(); i++) {
                if (onNewPort.get(i) < n) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "answered " + answered + ", on the new port " + onNewPort + ", retried " + retried + ", failures "
                    + failures + ", doing " + doing;
        }
    }

    /**
     * One client: keep-alive GETs on the old port until it refuses connections (once the change is written), then
     * on the new one. A request that gets no byte of an answer after the change is retried on a new connection;
     * anything else but a whole 200 is a failure.
     */
    private static void runClient(int client, int oldPort, int newPort, AtomicBoolean changed, AtomicBoolean stop,
            Tally tally) {
        int target = oldPort;
        RawHttp connection = null;
        try {
            while (!stop.get()) {
                if (connection == null) {
                    tally.doing.set(client, "connecting to " + target);
                    try {
                        connection = RawHttp.open(target);
                    } catch (ConnectException refused) {
                        if (target == oldPort && changed.get()) {
                            target = newPort;
                            continue;
                        }
                        tally.failures.add("client " + client + ": port " + target + " refused a connection");
                        return;
                    }
                }
                try {
                    tally.doing.set(client, "GET on " + target + " after " + connection.answers() + " answers on "
                            + connection);
                    RawHttp.Answer a = connection.get(PAGE, "");
                    if (a.status() != 200 || a.body().isEmpty()) {
                        tally.failures.add("client " + client + " on port " + target + ": " + a.status());
                        return;
                    }
                    tally.answered.incrementAndGet();
                    if (target == newPort) {
                        tally.onNewPort.incrementAndGet(client);
                    }
                    if (a.closes()) {
                        connection.close();
                        connection = null;
                    }
                    Thread.sleep(PACE.toMillis());
                } catch (RawHttp.NoAnswerException unanswered) {
                    connection.close();
                    connection = null;
                    if (!(changed.get() && target == oldPort)) {
                        tally.failures.add("client " + client + " on port " + target + ": " + unanswered.getMessage());
                        return;
                    }
                    tally.retried.incrementAndGet();
                }
            }
        } catch (IOException | RuntimeException e) {
            tally.failures.add("client " + client + " on port " + target + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }

    /** Writes a file into deploy/ the way an editor or a deploy script should: whole, then moved in place. */
    static void writeConfig(String name, String content) throws IOException {
        Path deploy = workDir.resolve("deploy");
        Path partial = Files.writeString(deploy.resolve("." + name + ".tmp"), content);
        Files.move(partial, deploy.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private static boolean answers(int port) {
        try {
            return RawHttp.once(port, PAGE, "").status() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static boolean refuses(int port) {
        try (RawHttp connection = RawHttp.open(port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }

    private static void await(Supplier<String> what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what.get() + " within " + WAIT + "\n" + gateway.output());
            }
            Thread.sleep(20);
        }
    }
}
