package org.picogate.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.picogate.streams.internal.Loopback.echoLines;
import static org.picogate.streams.internal.Loopback.sendLine;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.picogate.config.testing.ConfigProxies;
import org.picogate.scheduler.Channel;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.ServerStats;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamState;
import org.picogate.streams.TlsContexts;
import org.picogate.streams.runtime.ClientStreamDTO;
import org.picogate.streams.runtime.ServerDTO;
import org.picogate.streams.runtime.StreamDTO;
import org.picogate.streams.runtime.StreamsSnapshot;

/**
 * The runtime snapshot over real sockets on 127.0.0.1 (ages on the virtual clock): what it says of servers, their
 * connections and client streams, its order, and that it is detached from what it describes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SnapshotsTest {
    private static final Owner APP = new Owner(42, "org.example.app");
    private static final Owner MQTT = new Owner(43, "org.example.mqtt");

    private final Loopback loopback = new Loopback();
    private final Channel<Stream> ended = loopback.scheduler.channel(16);

    @AfterEach
    void release() {
        loopback.close();
    }

    private StreamsSnapshot take(Map<StreamServerImpl, Owner> servers, Map<BufferedStream, Owner> clients) {
        return Snapshots.take(servers, clients, loopback.clock.nanoTime());
    }

    /** A client stream that has sent a line and read its echo: 6 bytes each way for "hello". */
    private BufferedStream echoed(int port, String line) throws Exception {
        BufferedStream client = loopback.factory.connect(Loopback.HOST, port, ConnectOptions.defaults(), null);
        sendLine(client, line);
        assertThat(client.readLine(100)).isEqualTo(line);
        return client;
    }

    private static int localPort(Stream s) {
        return ((InetSocketAddress) s.localAddress()).getPort();
    }

    @Test
    void aServerShowsItsOwnerAddressCountersAndOpenConnectionsAndAClientStreamItsOwner() throws Exception {
        StreamServerImpl server = loopback.listen(ListenOptions.port(0).withName("echo"), echoLines(ended));
        BufferedStream client = echoed(server.port(), "hello");
        loopback.clock.advance(Duration.ofSeconds(75));

        StreamsSnapshot snapshot = take(Map.of(server, APP), Map.of(client, MQTT));

        ServerDTO s = snapshot.servers().getFirst();
        assertThat(snapshot.servers()).hasSize(1);
        assertThat(s.name()).isEqualTo("echo");
        assertThat(s.owner()).isEqualTo("org.example.app");
        assertThat(s.ownerId()).isEqualTo(42);
        assertThat(s.address()).isEqualTo("127.0.0.1:" + server.port());
        assertThat(s.port()).isEqualTo(server.port());
        assertThat(s.stats()).isEqualTo(new ServerStats(1, 1, 0, 0, 6, 6));
        assertThat(s.connections()).containsExactly(new StreamDTO("127.0.0.1:" + localPort(client),
                Duration.ofSeconds(75), StreamState.OPEN, false, 6, 6));
        assertThat(snapshot.clientStreams()).containsExactly(new ClientStreamDTO("org.example.mqtt", 43,
                new StreamDTO("127.0.0.1:" + server.port(), Duration.ofSeconds(75), StreamState.OPEN, false, 6, 6)));
        assertThat(snapshot.connectionCount()).isEqualTo(1);
        client.close();
    }

    @Test
    void aSnapshotIsDetachedAndReadOnlyAndTheNextOneSeesTheClose() throws Exception {
        StreamServerImpl server = loopback.listen(echoLines(ended));
        BufferedStream client = echoed(server.port(), "hi");
        StreamsSnapshot before = take(Map.of(server, APP), Map.of(client, MQTT));

        client.close();
        ended.receive(); // the server has forgotten the connection
        StreamsSnapshot after = take(Map.of(server, APP), Map.of(client, MQTT)); // a closed client, not yet removed

        assertThat(before.servers().getFirst().connections()).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(StreamState.OPEN));
        assertThat(before.clientStreams()).hasSize(1);
        assertThat(after.servers().getFirst().connections()).isEmpty();
        assertThat(after.servers().getFirst().stats().open()).isZero();
        assertThat(after.clientStreams()).as("a closed stream leaves the snapshot").isEmpty();
        assertThatThrownBy(() -> before.servers().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> before.servers().getFirst().connections().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> before.clientStreams().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void serversAreSortedByNameThenPortAndStreamsOldestFirst() throws Exception {
        StreamServerImpl b = loopback.listen(ListenOptions.port(0).withName("b"), echoLines(ended));
        StreamServerImpl a1 = loopback.listen(ListenOptions.port(0).withName("a"), echoLines(ended));
        StreamServerImpl a2 = loopback.listen(ListenOptions.port(0).withName("a"), echoLines(ended));
        BufferedStream older = echoed(b.port(), "1");
        loopback.clock.advance(Duration.ofSeconds(3));
        BufferedStream newer = echoed(b.port(), "2");

        StreamsSnapshot snapshot = take(Map.of(b, APP, a1, APP, a2, APP), Map.of(newer, MQTT, older, APP));

        assertThat(snapshot.servers()).extracting(ServerDTO::name, ServerDTO::port).containsExactly(
                tuple("a", Math.min(a1.port(), a2.port())),
                tuple("a", Math.max(a1.port(), a2.port())),
                tuple("b", b.port()));
        assertThat(snapshot.servers().getLast().connections()).extracting(StreamDTO::remoteAddress)
                .containsExactly("127.0.0.1:" + localPort(older), "127.0.0.1:" + localPort(newer));
        assertThat(snapshot.clientStreams()).extracting(ClientStreamDTO::owner)
                .containsExactly("org.example.app", "org.example.mqtt");
        assertThat(snapshot.connectionCount()).isEqualTo(2);
        older.close();
        newer.close();
    }

    @Test
    void aServerOnEveryInterfaceListensOnStar() throws Exception {
        StreamServerImpl server = loopback.factory.listen(ListenOptions.port(0).withName("any"), echoLines(ended),
                s -> { });
        try {
            assertThat(take(Map.of(server, APP), Map.of()).servers().getFirst().address())
                    .isEqualTo("*:" + server.port());
        } finally {
            server.close();
        }
        // still readable once closed: the address is the one it was bound to
        assertThat(take(Map.of(server, APP), Map.of()).servers().getFirst().port()).isEqualTo(server.port());
    }

    @Test
    void nothingOpenIsAnEmptySnapshot() {
        StreamsSnapshot snapshot = take(Map.of(), Map.of());
        assertThat(snapshot).isEqualTo(StreamsSnapshot.EMPTY);
        assertThat(snapshot.connectionCount()).isZero();
    }

    @Test
    void addressesReadNaturally() {
        assertThat(Snapshots.address(new InetSocketAddress("127.0.0.1", 8080))).isEqualTo("127.0.0.1:8080");
        assertThat(Snapshots.address(new InetSocketAddress("::1", 1883))).isEqualTo("[0:0:0:0:0:0:0:1]:1883");
        assertThat(Snapshots.listenAddress(new InetSocketAddress(1883))).isEqualTo("*:1883");
        assertThat(Snapshots.listenAddress(new InetSocketAddress("::1", 1883))).isEqualTo("[0:0:0:0:0:0:0:1]:1883");
    }

    @Test
    void tlsStreamsSayTheyAreTls(@TempDir Path dir) throws Exception {
        TestCertificates certificates = new TestCertificates(dir);
        Path keys = certificates.keyStore("server", "CN=localhost", "dns:localhost,ip:127.0.0.1");
        Path trust = certificates.trustStore("trust", keys);
        StreamServerImpl server = loopback.listen(ListenOptions.port(0)
                .withTls(TlsContexts.server(keys, certificates.password())), echoLines(ended));
        BufferedStream client = loopback.factory.connect(Loopback.HOST, server.port(),
                ConnectOptions.defaults().withTls(TlsContexts.client(trust, certificates.password())), null);
        sendLine(client, "secret");
        assertThat(client.readLine(100)).isEqualTo("secret");

        StreamsSnapshot snapshot = take(Map.of(server, APP), Map.of(client, MQTT));

        assertThat(snapshot.servers().getFirst().connections()).singleElement()
                .satisfies(c -> assertThat(c.tls()).isTrue());
        assertThat(snapshot.clientStreams()).singleElement().satisfies(c -> assertThat(c.stream().tls()).isTrue());
        client.close();
    }

    /** The service a console gets: the runtime's servers and client streams, gone once closed. */
    @Test
    void theServiceShowsWhatTheRuntimeRegisteredUntilItCloses() throws Exception {
        StreamsRuntime runtime = new StreamsRuntime(ConfigProxies.of(StreamsConfig.class, Map.of()), Map.of());
        StreamServiceRuntimeComponent service = new StreamServiceRuntimeComponent(runtime);
        assertThat(service.snapshot()).isEqualTo(StreamsSnapshot.EMPTY);

        StreamServerImpl server = loopback.listen(ListenOptions.port(0).withName("mqtt"), echoLines(ended));
        runtime.opened(server, APP);
        BufferedStream client = echoed(server.port(), "ping");
        runtime.connected(client, MQTT);

        StreamsSnapshot open = service.snapshot();
        assertThat(open.servers()).extracting(ServerDTO::name, ServerDTO::owner, ServerDTO::ownerId)
                .containsExactly(tuple("mqtt", "org.example.app", 42L));
        assertThat(open.servers().getFirst().connections()).hasSize(1);
        assertThat(open.clientStreams()).extracting(ClientStreamDTO::owner, ClientStreamDTO::ownerId)
                .containsExactly(tuple("org.example.mqtt", 43L));
        assertThat(ConnsCommand.render(runtime.snapshot(loopback.clock.nanoTime())))
                .endsWith("1 server(s), 1 connection(s) accepted, 1 client stream(s)");

        runtime.disconnected(client);
        runtime.closed(server);
        client.close();
        assertThat(service.snapshot()).isEqualTo(StreamsSnapshot.EMPTY);
        assertThat(open.servers()).hasSize(1); // taken before: it stays as it was
        assertThat(open.clientStreams()).hasSize(1);
    }
}
