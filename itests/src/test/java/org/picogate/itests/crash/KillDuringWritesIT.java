package org.picogate.itests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picogate.itests.browser.GatewayProcess;

import com.fasterxml.jackson.jr.ob.JSON;

/**
 * Crash safety of the gateway as {@code ./picogate run} starts it: four clients add notes through the JSON API
 * without pause, the gateway is killed with SIGKILL in the middle of it, and started again in the same folder.
 * Every note the API acknowledged (201) must be there, whole, both in a copy of the files as the kill left them
 * (checked with {@code PRAGMA integrity_check}) and through the restarted gateway; a bundle and the configuration
 * in {@code deploy/} before the kill must be in force after it. Run by failsafe in {@code ./mvnw verify}.
 */
class KillDuringWritesIT {
    private static final Duration START = Duration.ofSeconds(30);
    private static final int WRITERS = 4;
    /** Acknowledged writes to wait for before the kill: enough that SQLite has checkpointed some, not all. */
    private static final int BEFORE_KILL = 300;
    private static final String ECHO = "org.picogate.itests.echo";

    @TempDir
    Path workDir;
    @TempDir
    Path copy;

    private final Path jar = GatewayProcess.exportedJar();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private GatewayProcess gateway;

    /** A note the API answered 201 for. */
    record Ack(long id, String title, String content) {
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void noAcknowledgedNoteIsLostToAKill() throws Exception {
        Path deploy = Files.createDirectories(workDir.resolve("deploy"));
        Files.copy(echoBundle(), deploy.resolve("echo.jar"));
        // a temporary folder of its own, to see what a kill leaves in it
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        gateway = GatewayProcess.start(jar, workDir, START, "", List.of("-Djava.io.tmpdir=" + tmp));
        awaitActive(ECHO);

        Queue<Ack> acks = new ConcurrentLinkedQueue<>();
        AtomicInteger attempts = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        String base = gateway.baseUrl();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(Thread.ofVirtual().name("writer " + w).start(() -> write(base, writer, acks, attempts)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (acks.size() < BEFORE_KILL) {
            assertThat(System.nanoTime() - deadline).as("acknowledged writes in 20 s: %s\n%s", acks.size(),
                    gateway.output()).isNegative();
            Thread.sleep(5); // polls a count of real requests; nothing is timed by it
        }
        gateway.kill();
        for (Thread writer : writers) {
            writer.join(Duration.ofSeconds(15));
            assertThat(writer.isAlive()).as("%s ended once the gateway was gone", writer).isFalse();
        }
        // SQLite's native library is loaded from the notes app's data area: sqlite-jdbc's own copy in the
        // temporary folder (and its lock file) would stay there for good after a kill
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("sqlite-jdbc's files left in java.io.tmpdir by the kill")
                    .noneMatch(name -> name.startsWith("sqlite-"));
        }
        List<Ack> acknowledged = List.copyOf(acks);
        assertThat(attempts.get()).isGreaterThan(acknowledged.size()); // each writer ended with a failed write

        // the files as the kill left them, opened elsewhere: SQLite recovers the WAL, nothing may be missing
        Path data = workDir.resolve("data");
        assertThat(data.resolve("notes.db-wal")).as("WAL mode: the log the kill left behind").isNotEmptyFile();
        for (String name : List.of("notes.db", "notes.db-wal")) {
            if (Files.exists(data.resolve(name))) {
                Files.copy(data.resolve(name), copy.resolve(name));
            }
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve("notes.db"))) {
            assertThat(single(db, "PRAGMA integrity_check")).isEqualTo("ok");
            assertContainsEvery(acknowledged, rows(db));
        }

        gateway = GatewayProcess.restart(jar, workDir, START); // on the port deploy/ names: its config applies
        awaitActive(ECHO);
        assertContainsEvery(acknowledged, viaApi(gateway.baseUrl()));
        HttpResponse<String> more = post(gateway.baseUrl(), "after the restart", "still writable");
        assertThat(more.statusCode()).isEqualTo(201);
        assertThat(gateway.output()).as("the restart's output").doesNotContain("Exception", "ERROR");
    }

    private void write(String base, int writer, Queue<Ack> acks, AtomicInteger attempts) {
        for (int i = 0; ; i++) {
            String title = "w" + writer + "-" + i;
            String content = "reading " + i + " of writer " + writer + ": " + "22.5 °C ".repeat(1 + i % 20);
            attempts.incrementAndGet();
            try {
                HttpResponse<String> answer = post(base, title, content);
                if (answer.statusCode() != 201) {
                    throw new AssertionError("POST " + title + " answered " + answer.statusCode() + ": "
                            + answer.body());
                }
                String location = answer.headers().firstValue("Location").orElseThrow();
                long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
                acks.add(new Ack(id, title, content));
            } catch (IOException | InterruptedException gone) {
                return; // the gateway was killed
            }
        }
    }

    private HttpResponse<String> post(String base, String title, String content)
            throws IOException, InterruptedException {
        String body = JSON.std.asString(Map.of("title", title, "content", content));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/notes"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<Long, List<String>> viaApi(String base) throws Exception {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(base + "/api/notes"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        Map<Long, List<String>> notes = new HashMap<>();
        for (Object item : JSON.std.listFrom(list.body())) {
            Map<?, ?> note = (Map<?, ?>) item;
            notes.put(((Number) note.get("id")).longValue(), List.of((String) note.get("title"),
                    (String) note.get("content")));
        }
        return notes;
    }

    private static Map<Long, List<String>> rows(Connection db) throws SQLException {
        Map<Long, List<String>> notes = new HashMap<>();
        try (Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("SELECT id, title, content FROM notes")) {
            while (rows.next()) {
                notes.put(rows.getLong(1), List.of(rows.getString(2), rows.getString(3)));
            }
        }
        return notes;
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void assertContainsEvery(List<Ack> acknowledged, Map<Long, List<String>> notes) {
        List<Ack> missing = acknowledged.stream()
                .filter(a -> !List.of(a.title(), a.content()).equals(notes.get(a.id()))).toList();
        assertThat(missing).as("acknowledged notes missing or changed, of %s (%s notes there)", acknowledged.size(),
                notes.size()).isEmpty();
    }

    /** Types {@code lb -s} until the bundle's line says Active (FileInstall may not have installed it yet). */
    private void awaitActive(String symbolicName) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            int mark = gateway.lines();
            gateway.shell("lb -s " + symbolicName);
            List<String> lines;
            try {
                lines = gateway.awaitLine(mark, symbolicName, Duration.ofSeconds(2));
            } catch (AssertionError notInstalledYet) { // lb lists no such bundle (yet)
                lines = List.of();
            }
            if (!lines.isEmpty() && lines.get(lines.size() - 1).contains("Active")) {
                return;
            }
            assertThat(System.nanoTime() - deadline).as("%s active in 15 s:\n%s", symbolicName, gateway.output())
                    .isNegative();
            Thread.sleep(200); // FileInstall polls deploy/ every 500 ms
        }
    }

    /** The itests module's echo bundle (echo.bnd), a bundle with a component that any gateway can run. */
    private static Path echoBundle() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-echo.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/*-echo.jar: package the itests module"));
        }
    }
}
