package org.picogate.streams.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.StreamState;
import org.picogate.streams.TlsContexts;
import org.picogate.streams.testing.StreamConformanceTest.Connection;

/**
 * TLS policy and failure paths over real sockets on 127.0.0.1: host name checks, SNI, protocol versions, mutual
 * TLS, clients that speak no TLS, and {@link TlsContexts}. Servers are made by {@link StreamFactory#listen} with
 * an echo handler (its first read runs the server's handshake); the scheduler runs on a virtual clock.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TlsTest {
    private static final String HOST = "127.0.0.1";

    @TempDir
    static Path dir;
    static TestCertificates certificates;
    static char[] password;
    /** For localhost and 127.0.0.1. */
    static Path serverKeys;
    /** For other.example only. */
    static Path otherKeys;
    /** A client's certificate, which {@link #clientTrust} trusts. */
    static Path clientKeys;
    /** A certificate nobody trusts. */
    static Path strangerKeys;
    /** Trusts the server and other.example certificates. */
    static Path trust;
    /** Trusts the client certificate. */
    static Path clientTrust;
    static SSLContext serverTls;
    static SSLContext clientTls;

    private VirtualClock clock;
    private TestScheduler scheduler;
    private StreamFactory factory;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void certificates() throws Exception {
        certificates = new TestCertificates(dir);
        password = certificates.password();
        serverKeys = certificates.keyStore("server", "CN=localhost", "dns:localhost,ip:127.0.0.1");
        otherKeys = certificates.keyStore("other", "CN=other.example", "dns:other.example");
        clientKeys = certificates.keyStore("client", "CN=gateway-client,O=Picogate test", null);
        strangerKeys = certificates.keyStore("stranger", "CN=stranger", "dns:localhost,ip:127.0.0.1");
        trust = certificates.trustStore("trust", serverKeys, otherKeys);
        clientTrust = certificates.trustStore("clients", clientKeys);
        serverTls = TlsContexts.server(serverKeys, password);
        clientTls = TlsContexts.client(trust, password);
    }

    @BeforeEach
    void start() {
        clock = VirtualClock.create().settleTimeout(Duration.ofMillis(20));
        scheduler = TestScheduler.start(clock, "tls-test");
        factory = new StreamFactory(scheduler, StreamSettings.DEFAULTS);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
        scheduler.close();
    }

    // ---- helpers ----

    /** A TLS server on 127.0.0.1 that echoes lines until end of input. */
    private StreamServerImpl echoServer(SSLContext tls) throws IOException {
        return server(ListenOptions.port(0).withTls(tls), echo(new AtomicInteger()));
    }

    private StreamServerImpl server(ListenOptions options, StreamHandler handler) throws IOException {
        StreamServerImpl server = factory.listen(options.withHost(HOST), handler, s -> { });
        resources.add(server);
        return server;
    }

    /** Echoes lines; counts those it got. */
    private static StreamHandler echo(AtomicInteger lines) {
        return s -> {
            for (String line = s.readLine(1024); line != null; line = s.readLine(1024)) {
                lines.incrementAndGet();
                sendLine(s, line);
            }
        };
    }

    private Stream connect(int port, ConnectOptions options) throws IOException {
        Stream stream = factory.connect(HOST, port, options, null);
        resources.add(stream::abort);
        return stream;
    }

    private static ConnectOptions tls(SSLContext context) {
        return ConnectOptions.defaults().withTls(context);
    }

    private static void sendLine(Stream s, String line) throws IOException {
        s.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        s.drain();
    }

    /** One line there and back. */
    private static void assertEchoes(Stream s) throws IOException {
        sendLine(s, "hello over TLS");
        assertEquals("hello over TLS", s.readLine(100));
    }

    private static SSLContext onlyProtocol(SSLContext context, String protocol) {
        return TlsContexts.withParameters(context, p -> p.setProtocols(new String[] { protocol }));
    }

    /** Moves the clock a second at a time until {@code task} ends (a task blocked in a socket counts as busy). */
    private void advanceUntilDone(Task<?> task) {
        for (int i = 0; i < 600 && task.state() == Task.State.RUNNING; i++) {
            clock.advance(Duration.ofSeconds(1));
        }
    }

    /** What a plain socket reads until end of input or a reset. */
    private static byte[] readAll(SocketChannel channel) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        try {
            while (channel.read(buffer.clear()) >= 0) {
                all.write(buffer.array(), 0, buffer.position());
            }
        } catch (IOException reset) {
            // ended all the same
        }
        return all.toByteArray();
    }

    // ---- host names ----

    @Test
    void hostNameIsCheckedByDefault() throws Exception {
        StreamServerImpl other = echoServer(TlsContexts.server(otherKeys, password)); // a trusted certificate
        assertTrue(ConnectOptions.defaults().verifyHostname());

        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> connect(other.port(),
                tls(clientTls)));
        assertTrue(String.valueOf(e.getMessage()).contains("127.0.0.1"), e.getMessage());
        assertThrows(SSLHandshakeException.class, () -> connect(other.port(),
                tls(clientTls).withServerName("localhost")));

        assertEchoes(connect(other.port(), tls(clientTls).withServerName("other.example"))); // the name it shows
    }

    @Test
    void hostNameCheckCanBeTurnedOffButTrustCannot() throws Exception {
        StreamServerImpl other = echoServer(TlsContexts.server(otherKeys, password));
        assertEchoes(connect(other.port(), tls(clientTls).withVerifyHostname(false)));

        StreamServerImpl stranger = echoServer(TlsContexts.server(strangerKeys, password)); // right name, untrusted
        assertThrows(SSLHandshakeException.class, () -> connect(stranger.port(),
                tls(clientTls).withVerifyHostname(false)));
        assertThrows(SSLHandshakeException.class, () -> connect(stranger.port(), tls(clientTls)));
    }

    // ---- SNI ----

    /** Records each SNI host name a server is asked for, and accepts it. */
    private static SNIMatcher recording(Queue<String> names, String onlyAccept) {
        return new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                String host = ((SNIHostName) name).getAsciiName();
                names.add(host);
                return onlyAccept == null || onlyAccept.equals(host);
            }
        };
    }

    @Test
    void serverSeesTheServerNameTheClientAsksFor() throws Exception {
        Queue<String> requested = new ConcurrentLinkedQueue<>();
        StreamServerImpl server = echoServer(TlsContexts.withParameters(serverTls,
                p -> p.setSNIMatchers(List.of(recording(requested, null)))));

        assertEchoes(connect(server.port(), tls(clientTls).withServerName("localhost")));
        assertEquals(List.of("localhost"), List.copyOf(requested));

        requested.clear();
        assertEchoes(connect(server.port(), tls(clientTls).withServerName("localhost."))); // fully qualified
        assertEquals(List.of("localhost"), List.copyOf(requested));

        requested.clear();
        assertEchoes(connect(server.port(), tls(clientTls))); // an IP address: no SNI (RFC 6066 3)
        assertEquals(List.of(), List.copyOf(requested));
    }

    @Test
    void serverCanRefuseNamesItDoesNotServe() throws Exception {
        Queue<String> requested = new ConcurrentLinkedQueue<>();
        StreamServerImpl server = echoServer(TlsContexts.withParameters(serverTls,
                p -> p.setSNIMatchers(List.of(recording(requested, "localhost")))));
        assertThrows(SSLException.class, () -> connect(server.port(),
                tls(clientTls).withServerName("gateway.example").withVerifyHostname(false)));
        assertEquals(List.of("gateway.example"), List.copyOf(requested));
        assertEchoes(connect(server.port(), tls(clientTls).withServerName("localhost")));
    }

    @Test
    void sniCarriesHostNamesOnly() {
        assertEquals("gateway.example", TlsTransport.sniName("gateway.example").getAsciiName());
        assertEquals("localhost", TlsTransport.sniName("localhost").getAsciiName());
        assertNull(TlsTransport.sniName("127.0.0.1"));
        assertNull(TlsTransport.sniName("::1"));
        assertNull(TlsTransport.sniName("my_host")); // not a valid host name: no SNI rather than a failure
        assertNull(TlsTransport.sniName(null));
    }

    // ---- protocol versions ----

    @Test
    void onlyTls13And12AreEverEnabled() throws Exception {
        SSLContext any = SSLContext.getInstance("TLS");
        any.init(null, null, null);
        assertArrayEquals(new String[] { "TLSv1.3", "TLSv1.2" }, TlsTransport.allowedProtocols(
                new String[] { "TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3", "SSLv2Hello" }, any));
        assertArrayEquals(new String[] { "TLSv1.2" }, TlsTransport.allowedProtocols(
                new String[] { "TLSv1.1", "TLSv1.2" }, any));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsTransport.allowedProtocols(new String[] { "TLSv1.1", "TLSv1" }, any));
        assertTrue(e.getMessage().contains("TLSv1.1"), e.getMessage());

        // a context that enables TLS 1.1 only is refused before any connection
        SSLContext old = onlyProtocol(clientTls, "TLSv1.1");
        StreamServerImpl server = echoServer(serverTls);
        assertThrows(IllegalArgumentException.class, () -> connect(server.port(), tls(old)));
        assertThrows(IllegalArgumentException.class, () -> factory.listen(ListenOptions.port(0).withHost(HOST)
                .withTls(onlyProtocol(serverTls, "TLSv1.1")), s -> { }, s -> { }));
    }

    @Test
    void tls13IsChosenAndTls12StillServed() throws Exception {
        StreamServerImpl server = echoServer(serverTls);
        for (String protocol : new String[] { null, "TLSv1.2" }) {
            try (SSLSocket raw = (SSLSocket) clientTls.getSocketFactory().createSocket(HOST, server.port())) {
                if (protocol != null) {
                    raw.setEnabledProtocols(new String[] { protocol });
                }
                raw.startHandshake();
                assertEquals(protocol == null ? "TLSv1.3" : protocol, raw.getSession().getProtocol());
                OutputStream out = raw.getOutputStream();
                out.write("raw\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertArrayEquals("raw\n".getBytes(StandardCharsets.US_ASCII), raw.getInputStream().readNBytes(4));
            }
        }
    }

    @Test
    void clientForcedToTls11Fails() throws Exception {
        StreamServerImpl server = echoServer(serverTls);
        try (SSLSocket raw = (SSLSocket) clientTls.getSocketFactory().createSocket(HOST, server.port())) {
            raw.setEnabledProtocols(new String[] { "TLSv1.1" });
            assertThrows(SSLHandshakeException.class, raw::startHandshake);
        }
        assertEchoes(connect(server.port(), tls(clientTls)));
    }

    /**
     * A JDK client refuses TLS 1.0 and 1.1 by itself (jdk.tls.disabledAlgorithms), so these ClientHellos are
     * written by hand: the server must answer with a protocol_version alert, never a ServerHello.
     */
    @ParameterizedTest(name = "version 0x{0}")
    @ValueSource(strings = { "0301", "0302" })
    void serverRefusesTls10And11(String version) throws Exception {
        StreamServerImpl server = echoServer(serverTls);
        try (SocketChannel raw = SocketChannel.open(new InetSocketAddress(HOST, server.port()))) {
            raw.write(ByteBuffer.wrap(clientHello(Integer.parseInt(version, 16))));
            byte[] answer = readAll(raw);
            assertTrue(answer.length >= 7, () -> "no alert: " + Arrays.toString(answer));
            assertEquals(0x15, answer[0], "an alert record"); // not 0x16, a handshake (ServerHello)
            assertEquals(2, answer[5], "fatal");
            assertEquals(70, answer[6], "protocol_version");
        }
        assertEchoes(connect(server.port(), tls(clientTls)));
    }

    /** A TLS 1.0 or 1.1 ClientHello with ECDHE and RSA CBC suites, as old clients send. */
    private static byte[] clientHello(int version) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream hello = new DataOutputStream(body);
        hello.writeShort(version);
        hello.write(new byte[32]); // random
        hello.writeByte(0); // no session id
        int[] suites = { 0xC009, 0xC013, 0x002F, 0x0035 };
        hello.writeShort(suites.length * 2);
        for (int suite : suites) {
            hello.writeShort(suite);
        }
        hello.write(new byte[] { 1, 0 }); // compression: null only
        byte[] extensions = { 0x00, 0x0a, 0x00, 0x04, 0x00, 0x02, 0x00, 0x17, // supported_groups: secp256r1
                0x00, 0x0b, 0x00, 0x02, 0x01, 0x00 }; // ec_point_formats: uncompressed
        hello.writeShort(extensions.length);
        hello.write(extensions);
        byte[] message = body.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(record);
        out.write(new byte[] { 0x16, 0x03, 0x01 }); // handshake record
        out.writeShort(message.length + 4);
        out.writeByte(1); // client_hello
        out.writeByte(0);
        out.writeShort(message.length);
        out.write(message);
        return record.toByteArray();
    }

    // ---- mutual TLS ----

    @Test
    void mutualTlsAcceptsAClientWithATrustedCertificate() throws Exception {
        SSLContext requiring = TlsContexts.server(serverKeys, password, clientTrust, password);
        assertTrue(requiring.getDefaultSSLParameters().getNeedClientAuth());
        StreamServerImpl server = echoServer(requiring);
        assertEchoes(connect(server.port(), tls(TlsContexts.client(trust, password, clientKeys, password))));
        assertEchoes(connect(server.port(), tls(onlyProtocol(TlsContexts.client(trust, password, clientKeys,
                password), "TLSv1.2"))));
    }

    @Test
    void mutualTlsRejectsClientsWithoutATrustedCertificate() throws Exception {
        AtomicInteger served = new AtomicInteger();
        StreamServerImpl server = server(ListenOptions.port(0).withTls(TlsContexts.server(serverKeys, password,
                clientTrust, password)), echo(served));
        SSLContext stranger = TlsContexts.client(trust, password, strangerKeys, password);
        for (SSLContext client : List.of(clientTls, stranger)) {
            // with TLS 1.3 the client's handshake is over before the server judges its certificate: the refusal
            // comes with the first read
            assertThrows(SSLException.class, () -> connect(server.port(), tls(client)).readLine(100));
            // with TLS 1.2 it comes within connect (as an alert, or a broken pipe while the client still writes)
            assertThrows(SSLException.class, () -> connect(server.port(),
                    tls(onlyProtocol(client, "TLSv1.2"))));
        }
        assertEquals(0, served.get());
    }

    // ---- clients that speak no TLS, or too slowly ----

    @Test
    void plainClientFailsCleanlyAndTheNextTlsClientIsServed() throws Exception {
        StreamServerImpl server = echoServer(serverTls);
        Stream plain = connect(server.port(), ConnectOptions.defaults());
        sendLine(plain, "GET / HTTP/1.1");
        List<Byte> got = new ArrayList<>();
        try {
            for (byte[] b = plain.read(100); b.length > 0; b = plain.read(100)) {
                for (byte x : b) {
                    got.add(x);
                }
            }
        } catch (IOException reset) {
            // the server gave up on it: ended either way
        }
        assertTrue(got.isEmpty() || got.get(0) == 0x15, () -> "an alert or nothing: " + got);
        assertEchoes(connect(server.port(), tls(clientTls)));
    }

    @Test
    void handshakeFailuresNeverReachTheHandlerAndAreCounted() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        StreamServerImpl server = server(ListenOptions.port(0).withTls(serverTls), s -> handled.incrementAndGet());
        Stream plain = connect(server.port(), ConnectOptions.defaults());
        sendLine(plain, "GET / HTTP/1.1");
        try {
            while (plain.read(100).length > 0) {
                // drain whatever alert comes back until the server hangs up
            }
        } catch (IOException reset) {
            // hung up with a reset: the same for this test
        }
        connect(server.port(), tls(clientTls)).close();
        for (int i = 0; i < 1000 && server.stats().open() > 0; i++) {
            clock.advance(Duration.ZERO); // lets the connection tasks finish
        }
        assertEquals(1, server.stats().failedHandshakes());
        assertEquals(2, server.stats().accepted());
        assertEquals(1, handled.get());
    }

    @Test
    void serverThatWritesFirstHandshakesBeforeItsHandlerRuns() throws Exception {
        StreamServerImpl server = server(ListenOptions.port(0).withTls(serverTls), s -> {
            sendLine(s, "220 greetings"); // like SMTP: the server speaks first
            s.readLine(100);
        });
        Stream client = connect(server.port(), tls(clientTls));
        assertEquals("220 greetings", client.readLine(100));
        sendLine(client, "bye");
    }

    @Test
    void silentClientIsDroppedAtTheServersReadTimeout() throws Exception {
        StreamServerImpl server = server(ListenOptions.port(0).withTls(serverTls).withReadTimeout(
                Duration.ofSeconds(10)), echo(new AtomicInteger()));
        try (SocketChannel silent = SocketChannel.open(new InetSocketAddress(HOST, server.port()))) {
            Task<byte[]> reader = scheduler.spawn("silent reader", () -> readAll(silent));
            advanceUntilDone(reader); // the handshake waits for a ClientHello that never comes, under the timeout
            assertEquals(0, reader.join().length);
        }
        assertEchoes(connect(server.port(), tls(clientTls)));
    }

    @Test
    void connectTimeoutCoversTheHandshake() throws Exception {
        try (ServerSocketChannel mute = ServerSocketChannel.open()) { // accepts TCP (backlog), never answers
            mute.bind(new InetSocketAddress(HOST, 0));
            int port = ((InetSocketAddress) mute.getLocalAddress()).getPort();
            Task<Stream> connecting = scheduler.spawn("connect", () -> connect(port,
                    tls(clientTls).withConnectTimeout(Duration.ofSeconds(5))));
            advanceUntilDone(connecting);
            ExecutionException e = assertThrows(ExecutionException.class, connecting::join);
            assertInstanceOf(SocketTimeoutException.class, e.getCause());
        }
    }

    // ---- the stream over TLS ----

    @Test
    void gatheringWritesAndDirectBuffersArriveIntact() throws Exception {
        try (Connection c = TlsConformanceTest.connect(scheduler, serverTls, tls(clientTls))) {
            Random random = new Random(11);
            List<ByteBuffer> pieces = new ArrayList<>();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int size : new int[] { 7, 1, 300, 16383, 16384, 16385, 5, 40_000, 2 }) {
                byte[] bytes = new byte[size];
                random.nextBytes(bytes);
                expected.write(bytes);
                ByteBuffer piece = switch (pieces.size() % 3) {
                    case 0 -> ByteBuffer.wrap(bytes);
                    case 1 -> ByteBuffer.allocateDirect(size).put(bytes).flip();
                    default -> ByteBuffer.wrap(bytes).asReadOnlyBuffer(); // no accessible array
                };
                pieces.add(piece);
            }
            Task<Void> writer = scheduler.spawn("writer", () -> {
                c.left().write(pieces.toArray(ByteBuffer[]::new));
                c.left().shutdownOutput();
                return null;
            });
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteBuffer direct = ByteBuffer.allocateDirect(65536); // bigger than the read buffer: read straight in
            while (c.right().read(direct.clear()) >= 0) {
                byte[] chunk = new byte[direct.flip().remaining()];
                direct.get(chunk);
                got.write(chunk);
            }
            writer.join();
            assertArrayEquals(expected.toByteArray(), got.toByteArray());
            assertEquals(expected.size(), c.left().bytesOut());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "TLSv1.3", "TLSv1.2" })
    void closeGivesUpOnAPeerThatNeverEndsAfterTheLinger(String protocol) throws Exception {
        try (Connection c = TlsConformanceTest.connect(scheduler, serverTls,
                tls(onlyProtocol(clientTls, protocol)))) {
            sendLine(c.left(), "last words");
            Task<Void> closer = scheduler.spawn("closer", () -> {
                c.left().close(); // close_notify and FIN, then a wait for the peer's end, which never comes
                return null;
            });
            advanceUntilDone(closer);
            closer.join();
            assertEquals(StreamState.CLOSED, c.left().state());
            assertEquals("last words", c.right().readLine(100)); // delivered before the close
        }
    }

    @Test
    void tls12HasNoHalfClose() throws Exception {
        try (Connection c = TlsConformanceTest.connect(scheduler, serverTls,
                tls(onlyProtocol(clientTls, "TLSv1.2")))) {
            sendLine(c.left(), "request");
            c.left().shutdownOutput();
            assertEquals("request", c.right().readLine(100));
            assertNull(c.right().readLine(100));
            // the JDK answered the close_notify with its own, as TLS 1.2 demands: nothing more can be written
            IOException e = assertThrows(IOException.class, () -> sendLine(c.right(), "response"));
            assertTrue(e.getMessage().contains("TLS 1.3"), e.getMessage());
            assertEquals(StreamState.ABORTED, c.right().state());
        }
    }

    // ---- TlsContexts ----

    @Test
    void contextsFromStores() throws Exception {
        assertEchoes(connect(echoServer(serverTls).port(), tls(clientTls)));
        assertFalse(serverTls.getDefaultSSLParameters().getNeedClientAuth());
        // a key store's own certificate is trusted too (a self-signed server shared as is)
        assertEchoes(connect(echoServer(serverTls).port(), tls(TlsContexts.client(serverKeys, password))));
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("missing.p12");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> TlsContexts.server(missing, password));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> TlsContexts.client(missing, password));
        assertThrows(NoSuchFileException.class, () -> TlsContexts.client(trust, password, missing, password));
        assertThrows(NoSuchFileException.class, () -> TlsContexts.server(serverKeys, password, missing, password));
    }

    @Test
    void wrongPasswordIsNamed() {
        char[] wrong = "not the password".toCharArray();
        for (Path store : List.of(serverKeys, trust)) {
            IOException e = assertThrows(IOException.class, () -> TlsContexts.server(store, wrong));
            assertFalse(e instanceof FileSystemException);
            assertTrue(e.getMessage().contains(store.toString()) && e.getMessage().contains("wrong password"),
                    e.getMessage());
        }
        IOException e = assertThrows(IOException.class, () -> TlsContexts.client(trust, wrong));
        assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
    }

    @Test
    void storeWithoutAKeyIsRefusedAsKeyStore() {
        KeyStoreException e = assertThrows(KeyStoreException.class, () -> TlsContexts.server(trust, password));
        assertTrue(e.getMessage().contains(trust.toString()) && e.getMessage().contains("no private key"),
                e.getMessage());
        assertThrows(KeyStoreException.class, () -> TlsContexts.client(trust, password, clientTrust, password));
    }

    @Test
    void storeWithoutCertificatesIsRefusedAsTrustStore() throws Exception {
        Path empty = dir.resolve("empty.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(empty)) {
            store.store(out, password);
        }
        KeyStoreException e = assertThrows(KeyStoreException.class, () -> TlsContexts.client(empty, password));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("no certificate"),
                e.getMessage());
        // without the password the (encrypted) certificates of a real store cannot be read: say so
        e = assertThrows(KeyStoreException.class, () -> TlsContexts.client(trust, null));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void fileThatIsNoKeyStoreIsNamed() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a key store\n");
        IOException e = assertThrows(IOException.class, () -> TlsContexts.client(text, password));
        assertTrue(e.getMessage().contains(text.toString()) && e.getMessage().contains("PKCS#12"), e.getMessage());
        assertThrows(IOException.class, () -> TlsContexts.server(dir, password)); // a directory
    }

    @Test
    void parametersAreCheckedWhenTheViewIsMade() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> TlsContexts.withParameters(serverTls, p -> p.setProtocols(new String[] { "TLSv9" })));
        SSLContext view = TlsContexts.withParameters(serverTls, p -> p.setWantClientAuth(true));
        assertTrue(view.getDefaultSSLParameters().getWantClientAuth());
        assertEquals(serverTls.getProtocol(), view.getProtocol());
        assertThrows(KeyManagementException.class, () -> view.init(null, null, null));
        try (SSLSocket s = (SSLSocket) view.getSocketFactory().createSocket()) {
            assertTrue(s.getWantClientAuth());
        }
        assertTrue(view.createSSLEngine().getWantClientAuth());
    }
}
