package org.picogate.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.picogate.streams.internal.Loopback.echoLines;
import static org.picogate.streams.internal.Loopback.howItEnds;
import static org.picogate.streams.internal.Loopback.sendLine;

import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.scheduler.Channel;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.ServerStats;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamState;

/**
 * A server's limits and counters over real loopback sockets: maxConnections, bytes in and out, and binding.
 * The timeout only keeps a broken build from hanging; nothing here measures time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerLimitsTest {
    private final Loopback loopback = new Loopback();
    private final Channel<Stream> ended = loopback.scheduler.channel(16);

    @AfterEach
    void release() {
        loopback.close();
    }

    @Test
    void connectionsPastTheMaximumAreClosedAtOnceAndCountedNeverQueued() throws Exception {
        StreamServerImpl server = loopback.listen(ListenOptions.port(0).withMaxConnections(1), echoLines(ended));
        Stream first = loopback.connect(server.port());
        sendLine(first, "one");
        assertThat(first.readLine(100)).isEqualTo("one"); // served: it holds the only slot

        // were they queued, these reads would wait for the first connection to end
        assertThat(howItEnds(loopback.connect(server.port()))).isIn("eof", "reset");
        assertThat(howItEnds(loopback.connect(server.port()))).isIn("eof", "reset");
        ServerStats stats = server.stats();
        assertThat(stats.open()).isEqualTo(1);
        assertThat(stats.accepted()).isEqualTo(1);
        assertThat(stats.rejected()).isEqualTo(2);

        sendLine(first, "still served");
        assertThat(first.readLine(100)).isEqualTo("still served");
        first.close();
        ended.receive(); // the server has forgotten it: the slot is free

        Stream next = loopback.connect(server.port());
        sendLine(next, "two");
        assertThat(next.readLine(100)).isEqualTo("two");
        assertThat(server.stats().accepted()).isEqualTo(2);
        assertThat(server.stats().rejected()).isEqualTo(2);
        assertThat(server.stats().open()).isEqualTo(1);
    }

    @Test
    void bytesInAndOutAddUpOverOpenAndClosedConnections() throws Exception {
        StreamServerImpl server = loopback.listen(echoLines(ended));
        Stream a = loopback.connect(server.port());
        sendLine(a, "hello"); // 6 bytes each way
        assertThat(a.readLine(100)).isEqualTo("hello");
        assertThat(server.stats().bytesIn()).isEqualTo(6); // read before the echo was written

        Stream b = loopback.connect(server.port());
        sendLine(b, "0123456789"); // 11 bytes each way
        assertThat(b.readLine(100)).isEqualTo("0123456789");
        b.close();
        Stream closed = ended.receive();
        assertThat(closed.state()).isEqualTo(StreamState.CLOSED);
        assertThat(closed.bytesIn()).isEqualTo(11);
        assertThat(closed.bytesOut()).isEqualTo(11);

        a.close();
        ended.receive();
        assertThat(server.stats()).isEqualTo(new ServerStats(0, 2, 0, 0, 17, 17));
        assertThat(a.bytesOut()).isEqualTo(6);
        assertThat(a.bytesIn()).isEqualTo(6);
    }

    @Test
    void openConnectionsAreListedUntilTheyEnd() throws Exception {
        StreamServerImpl server = loopback.listen(echoLines(ended));
        Stream client = loopback.connect(server.port());
        sendLine(client, "hi");
        client.readLine(100);
        assertThat(server.connections()).singleElement()
                .satisfies(s -> assertThat(s.remoteAddress()).isEqualTo(client.localAddress()));
        client.close();
        ended.receive();
        assertThat(server.connections()).isEmpty();
    }

    @Test
    void aTakenPortFailsWithBindException() throws Exception {
        StreamServerImpl server = loopback.listen(echoLines(ended));
        assertThatThrownBy(() -> loopback.listen(ListenOptions.port(server.port()), echoLines(ended)))
                .isInstanceOf(BindException.class);
    }

    @Test
    void aHostThatDoesNotResolveFailsWithUnknownHostExceptionNamingIt() {
        // regression: bind got an unresolved address and threw UnresolvedAddressException without a message
        assertThatThrownBy(() -> loopback.factory.listen(ListenOptions.port(0).withHost("no-such-host.invalid"),
                echoLines(ended), s -> { })).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void aClosedServerRefusesConnectionsAndClosingTwiceIsHarmless() throws Exception {
        StreamServerImpl server = loopback.listen(echoLines(ended));
        server.close();
        server.close();
        assertThatThrownBy(() -> loopback.connect(server.port())).isInstanceOf(ConnectException.class)
                .hasMessageContaining("127.0.0.1:" + server.port());
    }

    @Test
    void theListeningSocketIsReleasedBeforeCloseReturns() throws Exception {
        // regression: close() returned while the JDK still held the socket for the accept task blocked on it,
        // so connects made right after it succeeded and were then reset (most of the time on gVisor)
        for (int i = 0; i < 20; i++) {
            StreamServerImpl server = loopback.listen(echoLines(ended));
            server.close();
            assertThatThrownBy(() -> loopback.connect(server.port())).as("connect #%d after close", i)
                    .isInstanceOf(ConnectException.class);
        }
    }
}
