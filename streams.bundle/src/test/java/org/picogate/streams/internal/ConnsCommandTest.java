package org.picogate.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.picogate.streams.internal.Loopback.echoLines;
import static org.picogate.streams.internal.Loopback.howItEnds;
import static org.picogate.streams.internal.Loopback.sendLine;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.scheduler.Channel;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.runtime.StreamsSnapshot;

/** {@code picogate:conns} renders servers, their connections and client streams; ages on the virtual clock. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnsCommandTest {
    private final Loopback loopback = new Loopback();
    private final Channel<Stream> ended = loopback.scheduler.channel(16);

    @AfterEach
    void release() {
        loopback.close();
    }

    /** The listing of these servers and client streams, owned by the bundles named, now on the virtual clock. */
    private String render(Map<StreamServerImpl, String> servers, Map<BufferedStream, String> clients) {
        Map<StreamServerImpl, Owner> serverOwners = new HashMap<>();
        servers.forEach((server, owner) -> serverOwners.put(server, new Owner(7, owner)));
        Map<BufferedStream, Owner> clientOwners = new HashMap<>();
        clients.forEach((client, owner) -> clientOwners.put(client, new Owner(8, owner)));
        return ConnsCommand.render(Snapshots.take(serverOwners, clientOwners, loopback.clock.nanoTime()));
    }

    @Test
    void listsEachServerWithItsCountersAndConnectionsThenTheClientStreams() throws Exception {
        StreamServerImpl server = loopback.listen(ListenOptions.port(0).withName("echo").withMaxConnections(1),
                echoLines(ended));
        BufferedStream client = loopback.factory.connect(Loopback.HOST, server.port(),
                ConnectOptions.defaults(), null);
        sendLine(client, "hello");
        client.readLine(100);
        assertThat(howItEnds(loopback.connect(server.port()))).isIn("eof", "reset"); // one rejected
        loopback.clock.advance(Duration.ofSeconds(75));

        String out = render(Map.of(server, "org.example.app"), Map.of(client, "org.example.mqtt"));

        int clientPort = ((InetSocketAddress) client.localAddress()).getPort();
        assertThat(out.lines()).anyMatch(l -> l.matches("echo\\s+org\\.example\\.app\\s+" + server.port()
                + "\\s+1\\s+1\\s+1"));
        assertThat(out.lines()).anyMatch(l -> l.matches("\\s+127\\.0\\.0\\.1:" + clientPort
                + "\\s+1m15s\\s+OPEN\\s+6\\s+6"));
        assertThat(out.lines()).anyMatch(l -> l.matches("127\\.0\\.0\\.1:" + server.port()
                + " \\(org\\.example\\.mqtt\\)\\s+1m15s\\s+OPEN\\s+6\\s+6"));
        assertThat(out).endsWith("1 server(s), 1 connection(s) accepted, 1 client stream(s)");
        client.close();
    }

    @Test
    void connectionsAreListedOldestFirstAndGoneOnceClosed() throws Exception {
        StreamServerImpl server = loopback.listen(echoLines(ended));
        Stream first = loopback.connect(server.port());
        sendLine(first, "1");
        first.readLine(10);
        loopback.clock.advance(Duration.ofSeconds(3));
        Stream second = loopback.connect(server.port());
        sendLine(second, "2");
        second.readLine(10);

        String out = render(Map.of(server, "owner"), Map.of());
        assertThat(out).containsSubsequence("3s", "ms");
        assertThat(out).endsWith("1 server(s), 2 connection(s) accepted, 0 client stream(s)");

        first.close();
        ended.receive();
        second.close();
        ended.receive();
        assertThat(render(Map.of(server, "owner"), Map.of()))
                .doesNotContain("CONNECTION FROM").endsWith("0 connection(s) accepted, 0 client stream(s)");
    }

    @Test
    void nothingOpenIsOneLine() {
        assertThat(ConnsCommand.render(StreamsSnapshot.EMPTY))
                .isEqualTo("0 server(s), 0 connection(s) accepted, 0 client stream(s)");
    }
}
