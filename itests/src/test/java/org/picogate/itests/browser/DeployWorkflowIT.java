package org.picogate.itests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy workflow against the exported gateway, as a user runs it: an app bundle copied into {@code deploy/}
 * serves its route within 2 s (FileInstall polls every 500 ms and waits for the file to stay unchanged over two
 * scans); a new version copied over it while clients request without pause fails no request, each answer being
 * the old version's or the new one's; deleting the file takes the route away (404) and cancels the bundle's tasks,
 * as {@code picogate:tasks} in the gateway's shell shows.
 */
class DeployWorkflowIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String V1 = "v1: the app as first deployed";
    private static final String V2 = "v2: the app as updated, with a longer body";
    private static final int CLIENTS = 4;

    @TempDir
    static Path workDir;

    private static GatewayProcess gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start(GatewayProcess.exportedJar(), workDir, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void anAppCopiedIntoDeployServesIsUpdatedUnderLoadWithoutAFailedRequestAndGoesAwayWhenDeleted() throws Exception {
        int port = gateway.port();
        Path built = Files.createDirectories(workDir.resolve("build"));
        Path v1 = Files.write(built.resolve("deployed-app-1.0.0.jar"), AppBundles.deployedApp("1.0.0", V1));
        Path v2 = Files.write(built.resolve("deployed-app-2.0.0.jar"), AppBundles.deployedApp("2.0.0", V2));
        Path deployed = workDir.resolve("deploy").resolve("deployed-app.jar");
        assertThat(RawHttp.once(port, DeployedApp.ROUTE, "").status()).as("before the copy").isEqualTo(404);

        // cp deployed-app-1.0.0.jar deploy/deployed-app.jar
        long copied = System.nanoTime();
        Files.copy(v1, deployed);
        awaitBody(port, V1);
        long servedMillis = (System.nanoTime() - copied) / 1_000_000;
        System.out.println("DeployWorkflowIT: copy into deploy/ to the first 200 from the app: " + servedMillis + " ms");
        assertThat(servedMillis).as("ms from the copy to the first answer").isLessThan(2000);
        assertThat(tasks()).anyMatch(t -> t.contains(DeployedApp.SLEEPER + "1.0.0"));

        // cp deployed-app-2.0.0.jar deploy/deployed-app.jar, while clients request without pause
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicReferenceArray<String> last = new AtomicReferenceArray<>(CLIENTS);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                all.add(clients.submit(() -> load(port, client, running, answered, seen, last, failures)));
            }
            try {
                awaitProgress(answered, CLIENTS * 20L, failures);
                Files.copy(v2, deployed, StandardCopyOption.REPLACE_EXISTING);
                awaitBody(port, V2);
                awaitProgress(answered, answered.get() + CLIENTS * 20L, failures); // the clients go on past it
            } finally {
                running.set(false);
            }
            for (Future<?> f : all) {
                f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        System.out.println("DeployWorkflowIT: " + answered + " answers while updating, bodies " + seen);
        assertThat(failures).as("failed requests while updating").isEmpty();
        assertThat(seen).as("bodies answered while updating").isSubsetOf(V1, V2).contains(V2);
        for (int c = 0; c < CLIENTS; c++) {
            assertThat(last.get(c)).as("the last answer of client " + c).isEqualTo(V2);
        }
        List<String> afterUpdate = tasks();
        assertThat(afterUpdate).anyMatch(t -> t.contains(DeployedApp.SLEEPER + "2.0.0"))
                .noneMatch(t -> t.contains(DeployedApp.SLEEPER + "1.0.0"));

        // rm deploy/deployed-app.jar: the route goes (after the swap grace, 2 s) and so do the app's tasks
        Files.delete(deployed);
        awaitStatus(port, 404);
        awaitTasks(() -> "no task of the deleted app", tasks -> tasks.stream()
                .noneMatch(t -> t.contains(DeployedApp.SLEEPER)));
        assertThat(gateway.output()).doesNotContain("Exception in thread");
    }

    /** One client: requests on a keep-alive connection back to back, a new one when the server closes it. */
    private static void load(int port, int client, AtomicBoolean running, AtomicLong answered, Set<String> seen,
            AtomicReferenceArray<String> last, List<String> failures) {
        RawHttp connection = null;
        try {
            while (running.get()) {
                if (connection == null) {
                    connection = RawHttp.open(port);
                }
                RawHttp.Answer a = connection.get(DeployedApp.ROUTE, "");
                if (a.status() != 200 || !(a.body().equals(V1) || a.body().equals(V2))) {
                    failures.add("client " + client + ": " + a.status() + " " + a.body());
                    return;
                }
                seen.add(a.body());
                last.set(client, a.body());
                answered.incrementAndGet();
                if (a.closes()) {
                    connection.close();
                    connection = null;
                }
            }
        } catch (IOException | RuntimeException e) {
            failures.add("client " + client + ": " + e);
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

    /** Waits until a new connection gets 200 with {@code body}, polling every 20 ms. */
    private static void awaitBody(int port, String body) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            try {
                RawHttp.Answer a = RawHttp.once(port, DeployedApp.ROUTE, "");
                if (a.status() == 200 && a.body().equals(body)) {
                    return;
                }
                seen = a.status() + " " + a.body();
            } catch (IOException e) {
                seen = e.toString();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not answered \"" + body + "\" within " + WAIT + " (last: " + seen + ")\n"
                + gateway.output());
    }

    private static void awaitStatus(int port, int status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            seen = RawHttp.once(port, DeployedApp.ROUTE, "").status();
            if (seen == status) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(DeployedApp.ROUTE + " answers " + seen + ", not " + status + ", " + WAIT
                + " after the change\n" + gateway.output());
    }

    private static void awaitProgress(AtomicLong answered, long target, List<String> failures)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (answered.get() < target && failures.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the clients stopped getting answers: " + answered + " < " + target);
            }
            Thread.sleep(5);
        }
    }

    /** The task lines of {@code picogate:tasks}, typed into the gateway's shell. */
    private static List<String> tasks() throws Exception {
        int mark = gateway.lines();
        gateway.shell("picogate:tasks");
        return gateway.awaitLine(mark, " live task(s), ", WAIT);
    }

    private static void awaitTasks(Supplier<String> what, Predicate<List<String>> done)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> seen = tasks();
        while (!done.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what.get() + " within " + WAIT + "; picogate:tasks printed\n"
                        + String.join("\n", seen));
            }
            Thread.sleep(100);
            seen = tasks();
        }
    }
}
