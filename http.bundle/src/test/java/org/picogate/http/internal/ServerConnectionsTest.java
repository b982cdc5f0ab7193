package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.config.testing.ConfigProxies;
import org.picogate.http.runtime.ConnectionDTO;
import org.picogate.http.runtime.ConnectionDTO.Phase;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.StreamServer;
import org.picogate.streams.StreamService;
import org.picogate.streams.internal.StreamFactory;
import org.picogate.streams.internal.StreamSettings;

/**
 * {@link HttpServerComponent#openConnections()} across a listener change: a connection still open on the retiring
 * listener is listed with that listener's port, next to the new listener's.
 */
@Timeout(60) // a guard against a hang only; time is virtual
class ServerConnectionsTest {
    private final VirtualClock clock = VirtualClock.create().settleTimeout(Duration.ofMillis(50));
    private final TestScheduler scheduler = TestScheduler.start(clock, "server-connections");
    private final StreamFactory factory = new StreamFactory(scheduler, StreamSettings.DEFAULTS);
    /** The streams the component listens with: real loopback sockets on this test's scheduler. */
    private final StreamService streams = new StreamService() {
        @Override
        public Stream connect(String host, int port, ConnectOptions options) {
            throw new UnsupportedOperationException("the server only listens");
        }

        @Override
        public Stream connect(String host, int port) {
            throw new UnsupportedOperationException("the server only listens");
        }

        @Override
        public StreamServer listen(ListenOptions options, StreamHandler handler) throws IOException {
            return factory.listen(options, handler);
        }
    };
    private HttpServerComponent server;

    @AfterEach
    void close() {
        if (server != null) {
            server.deactivate();
        }
        scheduler.close();
    }

    /** The defaults, on a free loopback port, with {@code maxConnections} (a change of it opens a new listener). */
    private static HttpConfig config(int maxConnections) {
        return ConfigProxies.of(HttpConfig.class, Map.of("port", 0, "host", "127.0.0.1", "maxConnections",
                maxConnections));
    }

    @Test
    void aConnectionOnTheRetiringListenerIsListedWithItsPort() throws Exception {
        server = new HttpServerComponent(scheduler, streams, config(1024), Map.of());
        int oldPort = server.port();
        try (Socket onOld = new Socket("127.0.0.1", oldPort)) {
            await(all -> all.size() == 1);
            server.modified(config(512), Map.of());
            int newPort = server.port();
            assertThat(newPort).isNotEqualTo(oldPort);
            try (Socket onNew = new Socket("127.0.0.1", newPort)) {
                List<ConnectionDTO> open = await(all -> all.size() == 2);
                // not yet asked anything: the retiring listener keeps it for its first answer
                assertThat(open).anySatisfy(c -> {
                    assertThat(c.remoteAddress()).isEqualTo("127.0.0.1:" + onOld.getLocalPort());
                    assertThat(c.localPort()).isEqualTo(oldPort);
                    assertThat(c.phase()).isEqualTo(Phase.NEW);
                });
                assertThat(open).anySatisfy(c -> {
                    assertThat(c.remoteAddress()).isEqualTo("127.0.0.1:" + onNew.getLocalPort());
                    assertThat(c.localPort()).isEqualTo(newPort);
                });
                assertThat(open).extracting(ConnectionDTO::tls).containsOnly(false);
            }
        }
        assertThat(await(List::isEmpty)).isEmpty();
    }

    /** The snapshot once it satisfies {@code condition}: the server's tasks accept and close in real time. */
    private List<ConnectionDTO> await(Predicate<List<ConnectionDTO>> condition) throws InterruptedException {
        List<ConnectionDTO> open = server.openConnections();
        for (int i = 0; i < 1000 && !condition.test(open); i++) {
            Thread.sleep(10);
            open = server.openConnections();
        }
        assertThat(condition).as("snapshot %s", open).accepts(open);
        return open;
    }
}
