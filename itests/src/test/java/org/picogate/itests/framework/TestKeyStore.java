package org.picogate.itests.framework;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PKCS#12 key store made at test time, in the framework's JVM, by the {@code keytool} beside the java command
 * running it: one self-signed EC P-256 key for localhost and 127.0.0.1, valid for two days, with a password made up
 * for this run. Nothing here is secret, and nothing is committed. A client trusts it by using the same file as its
 * trust store (a key store's own certificate is trusted).
 */
final class TestKeyStore {
    private static final String PASSWORD_VARIABLE = "PICOGATE_TEST_STORE_PASSWORD";

    final Path file;
    final String password = UUID.randomUUID().toString();

    private TestKeyStore(Path file) {
        this.file = file;
    }

    /** Makes {@code dir/server.p12}. */
    static TestKeyStore create(Path dir) throws IOException, InterruptedException {
        TestKeyStore store = new TestKeyStore(dir.resolve("server.p12"));
        List<String> command = List.of(keytool().toString(), "-J-XX:TieredStopAtLevel=1", "-genkeypair", "-alias",
                "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.file.toString(),
                "-storepass:env", PASSWORD_VARIABLE);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, store.password);
        Process process = builder.start();
        process.getOutputStream().close(); // a prompt reads end of input and fails rather than hangs
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("keytool hung: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (" + process.exitValue() + "): " + command + "\n" + output);
        }
        return store;
    }

    char[] passwordChars() {
        return password.toCharArray();
    }

    /** The keytool beside the java command running this JVM, else the one in {@code java.home}. */
    private static Path keytool() {
        String exe = System.getProperty("os.name").startsWith("Windows") ? "keytool.exe" : "keytool";
        return ProcessHandle.current().info().command().map(Path::of).map(java -> java.resolveSibling(exe))
                .filter(Files::isExecutable)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", exe));
    }
}
