package org.picogate.streams.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.TlsContexts;

/**
 * The server side of the TLS policy ({@link TlsTransport#server}) as testssl.sh probes it, with the JDK's own
 * {@link SSLSocket} as the client so that protocol, suites and renegotiation are the test's to choose: only AEAD
 * suites are offered (a client with CBC suites alone fails its handshake), TLS 1.2 with an AEAD suite works, and a
 * client's renegotiation is refused. Over 127.0.0.1, the server echoing lines.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TlsServerPolicyTest {
    @TempDir
    static Path dir;
    static SSLContext serverTls;
    static SSLContext clientTls;

    private TestScheduler scheduler;
    private StreamServerImpl server;

    @BeforeAll
    static void certificates() throws Exception {
        TestCertificates certificates = new TestCertificates(dir);
        Path keys = certificates.keyStore("server", "CN=localhost", "dns:localhost,ip:127.0.0.1");
        serverTls = TlsContexts.server(keys, certificates.password());
        clientTls = TlsContexts.client(certificates.trustStore("trust", keys), certificates.password());
    }

    @BeforeEach
    void start() throws IOException {
        scheduler = TestScheduler.start(VirtualClock.create().settleTimeout(Duration.ofMillis(20)), "tls-policy");
        StreamFactory factory = new StreamFactory(scheduler, StreamSettings.DEFAULTS);
        server = factory.listen(ListenOptions.port(0).withHost("127.0.0.1").withTls(serverTls), s -> {
            for (String line = s.readLine(1024); line != null; line = s.readLine(1024)) {
                echo(s, line);
            }
        }, ignored -> { });
    }

    private static void echo(Stream s, String line) throws IOException {
        s.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        s.drain();
    }

    @AfterEach
    void stop() {
        server.close();
        scheduler.close();
    }

    private SSLSocket client(String protocol, String... suites) throws IOException {
        SSLSocket socket = (SSLSocket) clientTls.getSocketFactory().createSocket();
        socket.setSoTimeout(20_000);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        socket.setEnabledProtocols(new String[] { protocol });
        if (suites.length > 0) {
            socket.setEnabledCipherSuites(suites);
        }
        return socket;
    }

    private static String roundTrip(SSLSocket socket, String line) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
    }

    @Test
    void aTls12ClientWithCbcSuitesAloneFindsNoSuiteInCommon() throws IOException {
        try (SSLSocket socket = client("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA")) {
            assertThrows(SSLHandshakeException.class, socket::startHandshake);
        }
    }

    @Test
    void aTls12ClientWithAnAeadSuiteIsServed() throws IOException {
        try (SSLSocket socket = client("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")) {
            socket.startHandshake();
            assertEquals("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", socket.getSession().getCipherSuite());
            assertEquals("hello", roundTrip(socket, "hello"));
        }
    }

    @Test
    void aClientsRenegotiationIsRefused() throws IOException {
        try (SSLSocket socket = client("TLSv1.2")) {
            socket.startHandshake();
            assertEquals("before", roundTrip(socket, "before"));

            socket.startHandshake(); // on an established TLS 1.2 connection: a renegotiation
            // the server's fatal alert (or the connection's end) arrives instead of the echo
            IOException refused = assertThrows(IOException.class, () -> {
                String echoed = roundTrip(socket, "after");
                if (echoed == null) {
                    throw new IOException("ended");
                }
            });
            assertTrue(refused.getMessage() != null, refused.toString());
        }
    }

    @Test
    void theServerPolicyKeepsOnlyAeadSuitesAndRefusesAContextWithNone() {
        String[] kept = TlsTransport.aeadSuites(new String[] { "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV" }, serverTls);
        assertEquals(Arrays.asList("TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"), Arrays.asList(kept));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> TlsTransport.aeadSuites(
                new String[] { "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV" },
                serverTls));
        assertTrue(none.getMessage().contains("no AEAD cipher suite"), none.getMessage());
    }
}
