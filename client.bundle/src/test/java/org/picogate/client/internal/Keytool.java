package org.picogate.client.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed EC certificates made at test time by the JDK's {@code keytool} in a temporary directory, with a
 * password made up for the run: nothing secret, nothing committed.
 */
final class Keytool {
    private static final String PASSWORD_VARIABLE = "PICOGATE_TEST_STORE_PASSWORD";
    private final Path dir;
    private final String password = UUID.randomUUID().toString();

    Keytool(Path dir) {
        this.dir = dir;
    }

    char[] password() {
        return password.toCharArray();
    }

    /** {@code name.p12} with a key pair and its self-signed certificate for {@code subjectAltNames}. */
    Path keyStore(String name, String subjectAltNames) throws IOException {
        Path store = dir.resolve(name + ".p12");
        run(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=" + subjectAltNames, "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass:env", PASSWORD_VARIABLE));
        return store;
    }

    /** {@code name.p12} trusting the certificate of {@code keyStore}. */
    Path trustStore(String name, Path keyStore) throws IOException {
        String alias = keyStore.getFileName().toString().replace(".p12", "");
        Path certificate = dir.resolve(alias + ".crt");
        run(List.of("-exportcert", "-rfc", "-alias", alias, "-keystore", keyStore.toString(), "-storepass:env",
                PASSWORD_VARIABLE, "-file", certificate.toString()));
        Path store = dir.resolve(name + ".p12");
        run(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-storetype",
                "PKCS12", "-keystore", store.toString(), "-storepass:env", PASSWORD_VARIABLE));
        return store;
    }

    private void run(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-J-XX:TieredStopAtLevel=1");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool failed: " + command + "\n" + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
        if (!Files.exists(dir)) {
            throw new IOException("no directory " + dir);
        }
    }
}
