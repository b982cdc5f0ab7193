package org.picogate.itests.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The exported gateway (target/gateway.jar, what {@code ./picogate run} runs) as a child process in a folder of
 * its own, configured the way a user configures it: {@code .config} files in its {@code deploy/}. It listens on a
 * free loopback port and keeps its notes database in that folder. Its output is kept for the failure message.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final List<String> output = new ArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);

    private GatewayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread.ofVirtual().name("gateway output").start(this::collectOutput);
    }

    /**
     * The gateway jar this module exports (what {@code ./picogate run} runs): {@code target/gateway.jar}, or the file
     * the system property {@code picogate.gateway.jar} names (failsafe sets it).
     */
    public static Path exportedJar() {
        return Path.of(System.getProperty("picogate.gateway.jar", "target/gateway.jar"));
    }

    /** Starts the gateway in {@code workDir} and returns once it said it is ready and its HTTP port answers. */
    public static GatewayProcess start(Path gatewayJar, Path workDir, Duration timeout) throws Exception {
        return start(gatewayJar, workDir, timeout, "", List.of());
    }

    /**
     * Like {@link #start(Path, Path, Duration)}, with {@code httpConfig} (lines such as
     * {@code idleTimeoutMillis=L"3000"}) added to its {@code deploy/org.picogate.http.config}, and
     * {@code jvmOptions} (such as {@code -Xmx16m}) before {@code -jar}.
     */
    public static GatewayProcess start(Path gatewayJar, Path workDir, Duration timeout, String httpConfig,
            List<String> jvmOptions) throws Exception {
        if (!Files.isRegularFile(gatewayJar)) {
            throw new IllegalStateException("no gateway jar at " + gatewayJar + ": the itests module's package "
                    + "phase exports it (./mvnw -pl itests -am package)");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path deploy = Files.createDirectories(workDir.resolve("deploy"));
        Files.writeString(deploy.resolve("org.picogate.http.config"),
                "port=I\"" + port + "\"\nhost=\"127.0.0.1\"\n" + httpConfig);
        Files.writeString(deploy.resolve("org.picogate.notes.config"), "databaseFile=\"data/notes.db\"\n");
        return launch(gatewayJar, workDir, port, timeout, jvmOptions);
    }

    /**
     * Starts the gateway again in {@code workDir} as an earlier run left it (stopped or killed): {@code deploy/},
     * {@code felix-cache/} and the data untouched, on the port its {@code deploy/org.picogate.http.config} names.
     */
    public static GatewayProcess restart(Path gatewayJar, Path workDir, Duration timeout) throws Exception {
        String config = Files.readString(workDir.resolve("deploy/org.picogate.http.config"));
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("port=I\"(\\d+)\"").matcher(config);
        if (!port.find()) {
            throw new IllegalStateException("no port in the http config of " + workDir + ": " + config);
        }
        return launch(gatewayJar, workDir, Integer.parseInt(port.group(1)), timeout, List.of());
    }

    private static GatewayProcess launch(Path gatewayJar, Path workDir, int port, Duration timeout,
            List<String> jvmOptions) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java"); // the JDK 21+ this test runs on
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", gatewayJar.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile()).redirectErrorStream(true).start();
        GatewayProcess gateway = new GatewayProcess(process, port);
        try {
            gateway.awaitReady(timeout);
        } catch (Exception | AssertionError e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Its HTTP port, as configured at the start in {@code deploy/org.picogate.http.config}. */
    public int port() {
        return port;
    }

    /** The gateway's process id (for {@code jcmd}). */
    public long pid() {
        return process.pid();
    }

    /** Whether the gateway's process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** How many lines the gateway printed so far: a mark to read what a later command prints from. */
    public int lines() {
        synchronized (output) {
            return output.size();
        }
    }

    /** Types a command into the gateway's Gogo shell (its standard input). */
    public void shell(String command) throws IOException {
        OutputStream shell = process.getOutputStream();
        shell.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        shell.flush();
    }

    /**
     * The lines printed from line {@code from} (a {@link #lines()} mark) up to and including the first one that
     * contains {@code marker}, once it is printed; an AssertionError with the whole output after {@code timeout}.
     */
    public List<String> awaitLine(int from, String marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (output) {
                for (int i = from; i < output.size(); i++) {
                    if (output.get(i).contains(marker)) {
                        return List.copyOf(output.subList(from, i + 1));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new AssertionError("the gateway printed no line with \"" + marker + "\" within " + timeout
                            + ":\n" + String.join("\n", output));
                }
                output.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
            }
        }
    }

    /** What the gateway printed so far. */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null;) {
                synchronized (output) {
                    output.add(line);
                    output.notifyAll(); // awaitLine
                }
                // Gogo's prompt "g! " ends no line: the ready line may come right after it, on the same line
                String text = line.startsWith("g! ") ? line.substring("g! ".length()) : line;
                if (text.startsWith("Picogate ") && text.contains(" ready: ")) {
                    ready.countDown();
                }
            }
        } catch (IOException ended) {
            // the process is gone; its exit is what close() reports on
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the gateway did not say it was ready within " + timeout + ":\n" + output());
        }
        // the configuration in deploy/ may move the server to our port just after the ready line
        while (!answers()) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                throw new AssertionError("the gateway does not answer on port " + port + ":\n" + output());
            }
            Thread.sleep(20);
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Kills the gateway at once, as {@code kill -9} does (SIGKILL on Linux): no bundle stops, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the gateway outlived SIGKILL for 10 s");
        }
    }

    /** Stops the gateway as a user does ({@code stop 0} in its shell); kills it if it has not ended in 20 s. */
    @Override
    public void close() throws InterruptedException {
        try {
            OutputStream shell = process.getOutputStream();
            shell.write("stop 0\n".getBytes(StandardCharsets.US_ASCII));
            shell.flush();
        } catch (IOException alreadyGone) {
            // it ended already
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
