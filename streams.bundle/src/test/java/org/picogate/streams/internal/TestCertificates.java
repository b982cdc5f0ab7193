package org.picogate.streams.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Key and trust stores made at test time by the JDK's {@code keytool} (the one next to the running JVM) in a
 * test's temporary directory: self-signed EC P-256 certificates valid for two days, with a password made up for
 * this run. Nothing here is secret, and nothing is committed.
 */
final class TestCertificates {
    private static final String PASSWORD_VARIABLE = "PICOGATE_TEST_STORE_PASSWORD";

    private final Path dir;
    private final String password = UUID.randomUUID().toString();
    private final Path keytool = keytool();

    TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** The password of every store made here (and of every key in them). */
    char[] password() {
        return password.toCharArray();
    }

    Path dir() {
        return dir;
    }

    /**
     * A PKCS#12 key store {@code name.p12} with one key pair (alias {@code name}) and its self-signed
     * certificate.
     *
     * @param subject the certificate's distinguished name, such as {@code CN=localhost}
     * @param subjectAltNames keytool's SAN syntax, such as {@code dns:localhost,ip:127.0.0.1}; {@code null} for none
     */
    Path keyStore(String name, String subject, String subjectAltNames) throws IOException {
        Path store = dir.resolve(name + ".p12");
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname",
                "secp256r1", "-validity", "2", "-dname", subject, "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass:env", PASSWORD_VARIABLE));
        if (subjectAltNames != null) {
            args.addAll(List.of("-ext", "SAN=" + subjectAltNames));
        }
        run(args);
        return store;
    }

    /** A PKCS#12 trust store {@code name.p12} holding the certificate of each key store given (made here). */
    Path trustStore(String name, Path... keyStores) throws IOException {
        Path store = dir.resolve(name + ".p12");
        for (Path keyStore : keyStores) {
            String alias = keyStore.getFileName().toString().replace(".p12", "");
            Path certificate = dir.resolve(alias + ".crt");
            if (!Files.exists(certificate)) {
                run(List.of("-exportcert", "-rfc", "-alias", alias, "-keystore", keyStore.toString(), "-storepass:env",
                        PASSWORD_VARIABLE, "-file", certificate.toString()));
            }
            run(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-storetype",
                    "PKCS12", "-keystore", store.toString(), "-storepass:env", PASSWORD_VARIABLE));
        }
        return store;
    }

    private void run(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.add("-J-XX:TieredStopAtLevel=1"); // starts faster; keytool does little work
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        process.getOutputStream().close(); // a prompt reads end of input and fails rather than hangs
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("keytool hung: " + command);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (" + process.exitValue() + "): " + command + "\n" + output);
        }
    }

    /** The keytool beside the java command running this JVM, else the one in {@code java.home}. */
    private static Path keytool() {
        String exe = System.getProperty("os.name").startsWith("Windows") ? "keytool.exe" : "keytool";
        Optional<Path> beside = ProcessHandle.current().info().command().map(Path::of)
                .map(java -> java.resolveSibling(exe)).filter(Files::isExecutable);
        return beside.orElseGet(() -> {
            Path home = Path.of(System.getProperty("java.home"), "bin", exe);
            if (!Files.isExecutable(home)) {
                throw new IllegalStateException("no keytool beside the running JVM, nor at " + home);
            }
            return home;
        });
    }
}
