package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The npm {@code ws} client (version pinned in {@code src/test/node/package-lock.json}) against a real server on
 * loopback: the script {@code src/test/node/ws-client.mjs} exchanges text, binary, fragmented messages with a
 * ping inside, closes from both sides, and sends a too-big message and an unmasked frame.
 *
 * <p>The script runs from {@code target/ws-node}, where {@code npm ci} installs {@code ws} once (from the npm
 * registry or npm's cache). Without {@code node} and {@code npm} the test fails and says so: it is never skipped.
 */
class WebSocketNodeClientTest {
    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/ws-node");
    /** Guards against a hang, not measurements: the script takes well under a second once installed. */
    private static final long INSTALL_MINUTES = 5;
    private static final long RUN_SECONDS = 60;

    @Test
    void theWsPackageTalksToOurServer() throws Exception {
        Files.createDirectories(WORK);
        requireTool("node");
        installWs();
        try (WebSocketEchoServer server = new WebSocketEchoServer()) {
            Result run = run(List.of("node", "ws-client.mjs", Integer.toString(server.port())), RUN_SECONDS,
                    TimeUnit.SECONDS);

            assertThat(run.output()).as("script output").contains("ok handshake", "ok text", "ok binary",
                    "ok fragmented with a ping inside", "ok close", "ok server-started close", "ok too big: 1009",
                    "ok unmasked: 1002", "all ok");
            assertThat(run.exitCode()).as("exit code of the script; its output:%n%s", run.output()).isZero();
        }
    }

    /** Copies the script and the pinned package files to {@link #WORK} and runs {@code npm ci} if needed. */
    private static void installWs() throws IOException, InterruptedException {
        boolean changed = false;
        for (String name : List.of("package.json", "package-lock.json", "ws-client.mjs")) {
            Path target = WORK.resolve(name);
            byte[] source = Files.readAllBytes(SOURCES.resolve(name));
            if (!Files.exists(target) || !java.util.Arrays.equals(source, Files.readAllBytes(target))) {
                Files.copy(SOURCES.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
                changed |= !name.endsWith(".mjs");
            }
        }
        if (changed || !Files.isRegularFile(WORK.resolve("node_modules/ws/package.json"))) {
            requireTool("npm");
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), INSTALL_MINUTES, TimeUnit.MINUTES);
            if (install.exitCode() != 0) {
                fail("npm ci in " + WORK + " failed (the npm registry or npm's cache must be reachable):%n%s",
                        install.output());
            }
        }
    }

    private static void requireTool(String tool) throws InterruptedException {
        try {
            Result version = run(List.of(tool, "--version"), 1, TimeUnit.MINUTES);
            assertThat(version.exitCode()).as("%s --version", tool).isZero();
        } catch (IOException missing) {
            fail("'" + tool + "' is not installed: the WebSocket interop test needs Node.js 18+ and npm on the PATH"
                    + " (.ci/run installs them with apt-get when missing): " + missing.getMessage());
        }
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs a command in {@link #WORK}, output and errors together. */
    private static Result run(List<String> command, long timeout, TimeUnit unit)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        Path log = Files.createTempFile("ws-node", ".log");
        try {
            Thread copier = Thread.ofVirtual().start(() -> {
                try (var in = process.getInputStream()) {
                    Files.write(log, in.readAllBytes());
                } catch (IOException ignored) {
                    // the process was destroyed: what was read so far is lost, the timeout says why
                }
            });
            if (!process.waitFor(timeout, unit)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not end within " + timeout + " " + unit);
            }
            copier.join();
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
