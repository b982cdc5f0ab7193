package org.picogate.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.picogate.streams.internal.Loopback.sendLine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.picogate.config.testing.LogCapture;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.TlsContexts;

/**
 * The server TLS of PID {@code org.picogate.streams}: the runtime builds a context from the configured PKCS#12
 * key store (and trust store, for client authentication), rejects what cannot make one in one log line and keeps
 * the context in force; servers that listen with {@link ListenOptions#withConfiguredTls()} use it, over real
 * sockets on 127.0.0.1. Stores are made at test time by {@link TestCertificates}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StreamsRuntimeTlsTest {
    private static final String HOST = "127.0.0.1";
    private static final String PID = "org.picogate.streams";

    @TempDir
    static Path dir;
    static String password;
    /** For localhost and 127.0.0.1. */
    static Path serverKeys;
    /** For other.example only. */
    static Path otherKeys;
    /** A client's certificate, which {@link #clientTrust} trusts. */
    static Path clientKeys;
    /** Trusts the server and other.example certificates. */
    static Path trust;
    /** Trusts the client certificate. */
    static Path clientTrust;
    static Path missing;
    /** Trusts the server certificates; shows none. */
    static SSLContext anonymousClient;
    /** Trusts the server certificates; shows the client certificate. */
    static SSLContext certifiedClient;

    private TestScheduler scheduler;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void certificates() throws Exception {
        TestCertificates certificates = new TestCertificates(dir);
        password = new String(certificates.password());
        serverKeys = certificates.keyStore("server", "CN=localhost", "dns:localhost,ip:127.0.0.1");
        otherKeys = certificates.keyStore("other", "CN=other.example", "dns:other.example");
        clientKeys = certificates.keyStore("client", "CN=gateway-client,O=Picogate test", null);
        trust = certificates.trustStore("trust", serverKeys, otherKeys);
        clientTrust = certificates.trustStore("clients", clientKeys);
        missing = dir.resolve("missing.p12");
        anonymousClient = TlsContexts.client(trust, password.toCharArray());
        certifiedClient = TlsContexts.client(trust, password.toCharArray(), clientKeys, password.toCharArray());
    }

    @BeforeEach
    void start() {
        scheduler = TestScheduler.start(VirtualClock.create().settleTimeout(Duration.ofMillis(20)), "tls-config-test");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
        scheduler.close();
    }

    // ---- helpers ----

    /** The keys of a configuration with this key store and the test password; more keys as pairs. */
    private static Map<String, Object> keyStore(Path file, Object... more) {
        Map<String, Object> config = new HashMap<>(Map.of("tlsKeyStore", file.toString(), "tlsKeyStorePassword",
                password));
        for (int i = 0; i < more.length; i += 2) {
            config.put((String) more[i], more[i + 1]);
        }
        return config;
    }

    private static StreamsRuntime runtime(Map<String, Object> config) {
        return StreamsRuntimeTest.activate(config);
    }

    /** An echo server on 127.0.0.1 with the runtime's configured TLS; counts the connections it served. */
    private StreamServerImpl listen(StreamsRuntime runtime, AtomicInteger served) throws IOException {
        StreamFactory factory = new StreamFactory(scheduler, runtime::settings, runtime::configuredTls);
        StreamServerImpl server = factory.listen(ListenOptions.port(0).withHost(HOST).withConfiguredTls(), s -> {
            served.incrementAndGet();
            for (String line = s.readLine(1024); line != null; line = s.readLine(1024)) {
                sendLine(s, line);
            }
        }, s -> { });
        resources.add(server);
        return server;
    }

    private StreamServerImpl listen(StreamsRuntime runtime) throws IOException {
        return listen(runtime, new AtomicInteger());
    }

    private Stream connect(int port, ConnectOptions options) throws IOException {
        Stream stream = new StreamFactory(scheduler, StreamSettings.DEFAULTS).connect(HOST, port, options, null);
        resources.add(stream::abort);
        return stream;
    }

    private static ConnectOptions tls(SSLContext client) {
        return ConnectOptions.defaults().withTls(client);
    }

    /** One line there and back. */
    private static void assertEchoes(Stream s) throws IOException {
        sendLine(s, "hello over configured TLS");
        assertThat(s.readLine(100)).isEqualTo("hello over configured TLS");
    }

    // ---- key store ----

    @Test
    void withoutAKeyStoreListenSaysWhichKeyToSet() {
        StreamsRuntime runtime = runtime(Map.of());
        assertThat(runtime.configuredTls().context()).isNull();
        assertThatThrownBy(() -> listen(runtime)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(PID + ": tlsKeyStore is not set");
        assertThatThrownBy(() -> new StreamFactory(scheduler, StreamSettings.DEFAULTS).listen(ListenOptions.port(0)
                .withHost(HOST).withConfiguredTls(), s -> { }, s -> { })).isInstanceOf(IOException.class)
                .hasMessageContaining("tlsKeyStore");
    }

    @Test
    void aValidKeyStoreMakesTheServerContext() throws Exception {
        StreamsRuntime runtime = runtime(keyStore(serverKeys));
        SSLContext context = runtime.configuredTls().context();
        assertThat(context).isNotNull();
        assertThat(context.getDefaultSSLParameters().getNeedClientAuth()).isFalse();
        assertThat(runtime.configuredTls().source()).contains(serverKeys.toString());

        assertEchoes(connect(listen(runtime).port(), tls(anonymousClient)));
    }

    @Test
    void aWrongPasswordIsRejectedInOneLineAndThePreviousContextStays() throws Exception {
        StreamsRuntime runtime = runtime(keyStore(serverKeys));
        SSLContext inForce = runtime.configuredTls().context();
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            StreamsRuntimeTest.modify(runtime, keyStore(otherKeys, "tlsKeyStorePassword", "not the password"));
            assertThat(log.errors()).singleElement().asString()
                    .startsWith(PID + ": rejected tlsKeyStore=" + otherKeys + ": wrong password")
                    .contains("keeping the server TLS context from tlsKeyStore=" + serverKeys).doesNotContain("\n");
        }
        assertThat(runtime.configuredTls().context()).isSameAs(inForce);
        assertEchoes(connect(listen(runtime).port(), tls(anonymousClient))); // still the localhost certificate
    }

    @Test
    void aMissingFileIsRejectedAndThePreviousContextStays() throws Exception {
        StreamsRuntime runtime = runtime(keyStore(serverKeys));
        SSLContext inForce = runtime.configuredTls().context();
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            StreamsRuntimeTest.modify(runtime, keyStore(missing));
            assertThat(log.errors()).singleElement().asString()
                    .startsWith(PID + ": rejected tlsKeyStore=" + missing + ": PKCS#12 key store not found")
                    .contains("keeping the server TLS context from tlsKeyStore=" + serverKeys);
        }
        assertThat(runtime.configuredTls().context()).isSameAs(inForce);
    }

    @Test
    void aFirstKeyStoreThatIsRejectedMakesListenSayWhy() {
        StreamsRuntime runtime;
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            runtime = runtime(keyStore(missing));
            assertThat(log.errors()).singleElement().asString().contains("tlsKeyStore=" + missing)
                    .endsWith("no server TLS context is in force");
        }
        assertThat(runtime.configuredTls().context()).isNull();
        assertThatThrownBy(() -> listen(runtime)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(PID + ": rejected tlsKeyStore=" + missing + ": PKCS#12 key store not found");
    }

    @Test
    void aRelativePathIsLoggedAsTheAbsolutePathItNames() {
        Path relative = Path.of("no-such-dir", "server.p12");
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            runtime(keyStore(relative));
            assertThat(log.errors()).singleElement().asString().contains("tlsKeyStore=" + relative.toAbsolutePath());
        }
    }

    @Test
    void settingsAndTlsAreAppliedIndependently() throws Exception {
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            StreamsRuntime runtime = runtime(keyStore(serverKeys, "lingerMillis", -1L, "highWaterMark", 0));
            assertThat(runtime.configuredTls().context()).isNotNull(); // despite the invalid linger
            assertThat(runtime.settings()).isEqualTo(StreamSettings.DEFAULTS);
            assertThat(log.errors()).singleElement().asString().contains("lingerMillis=-1");

            StreamsRuntimeTest.modify(runtime, keyStore(missing, "highWaterMark", 0));
            assertThat(runtime.settings().highWaterMark()).isZero(); // despite the missing key store
        }
    }

    // ---- open servers ----

    @Test
    void anOpenServerTakesAChangedContextForNewConnectionsAndKeepsItsLastOneWhenUnset() throws Exception {
        StreamsRuntime runtime = runtime(keyStore(serverKeys));
        StreamServerImpl server = listen(runtime);
        Stream before = connect(server.port(), tls(anonymousClient));
        assertEchoes(before);

        StreamsRuntimeTest.modify(runtime, keyStore(otherKeys)); // a new certificate, for other.example
        assertThatThrownBy(() -> connect(server.port(), tls(anonymousClient)))
                .isInstanceOf(SSLHandshakeException.class); // 127.0.0.1 is not other.example
        assertEchoes(connect(server.port(), tls(anonymousClient).withServerName("other.example")));
        assertEchoes(before); // an open connection goes on as it was

        StreamsRuntimeTest.modify(runtime, Map.of());
        assertThat(runtime.configuredTls().context()).isNull();
        assertThatThrownBy(() -> listen(runtime)).isInstanceOf(IOException.class).hasMessageContaining("tlsKeyStore");
        assertEchoes(connect(server.port(), tls(anonymousClient).withServerName("other.example"))); // kept
    }

    // ---- client authentication ----

    @Test
    void clientAuthNeedRefusesAClientWithoutACertificate() throws Exception {
        StreamsRuntime runtime = runtime(keyStore(serverKeys, "tlsClientAuth", "need", "tlsTrustStore",
                clientTrust.toString(), "tlsTrustStorePassword", password));
        assertThat(runtime.configuredTls().context().getDefaultSSLParameters().getNeedClientAuth()).isTrue();
        AtomicInteger served = new AtomicInteger();
        StreamServerImpl server = listen(runtime, served);

        // TLS 1.3: the client's handshake ends before the server judges it; the refusal comes with the first read
        assertThatThrownBy(() -> connect(server.port(), tls(anonymousClient)).readLine(100))
                .isInstanceOf(SSLException.class);
        assertThat(served).hasValue(0);

        assertEchoes(connect(server.port(), tls(certifiedClient)));
    }

    @Test
    void clientAuthWantServesClientsWithAndWithoutACertificate() throws Exception {
        StreamsRuntime runtime = runtime(keyStore(serverKeys, "tlsClientAuth", "want", "tlsTrustStore",
                clientTrust.toString(), "tlsTrustStorePassword", password));
        assertThat(runtime.configuredTls().context().getDefaultSSLParameters().getWantClientAuth()).isTrue();
        StreamServerImpl server = listen(runtime);
        assertEchoes(connect(server.port(), tls(anonymousClient)));
        assertEchoes(connect(server.port(), tls(certifiedClient)));
    }

    @Test
    void clientAuthIsRejectedWithAnUnknownValueWithoutATrustStoreOrWithABadOne() {
        StreamsRuntime runtime = runtime(keyStore(serverKeys));
        SSLContext inForce = runtime.configuredTls().context();
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            StreamsRuntimeTest.modify(runtime, keyStore(serverKeys, "tlsClientAuth", "maybe"));
            StreamsRuntimeTest.modify(runtime, keyStore(serverKeys, "tlsClientAuth", "need"));
            StreamsRuntimeTest.modify(runtime, keyStore(serverKeys, "tlsClientAuth", "need", "tlsTrustStore",
                    missing.toString(), "tlsTrustStorePassword", password));
            StreamsRuntimeTest.modify(runtime, keyStore(serverKeys, "tlsClientAuth", "want", "tlsTrustStore",
                    clientTrust.toString(), "tlsTrustStorePassword", "not the password"));
            assertThat(log.errors()).hasSize(4).allSatisfy(line -> assertThat(line).startsWith(PID + ": rejected ")
                    .contains("keeping the server TLS context from tlsKeyStore=" + serverKeys));
            assertThat(log.errors().get(0)).contains("tlsClientAuth=maybe (must be none, want or need)");
            assertThat(log.errors().get(1)).contains("tlsClientAuth=need without tlsTrustStore");
            assertThat(log.errors().get(2)).contains("tlsTrustStore=" + missing + ": PKCS#12 trust store not found");
            assertThat(log.errors().get(3)).contains("tlsTrustStore=" + clientTrust + ": wrong password");
        }
        assertThat(runtime.configuredTls().context()).isSameAs(inForce);
    }

    @Test
    void aTrustStoreWithoutClientAuthIsUnusedAndSaysSo() {
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            StreamsRuntime runtime = runtime(keyStore(serverKeys, "tlsTrustStore", clientTrust.toString()));
            assertThat(runtime.configuredTls().context().getDefaultSSLParameters().getNeedClientAuth()).isFalse();
            assertThat(log.errors()).isEmpty();
            assertThat(log.warnings()).singleElement().asString().contains("tlsTrustStore=" + clientTrust)
                    .contains("tlsClientAuth=none");
        }
    }
}
