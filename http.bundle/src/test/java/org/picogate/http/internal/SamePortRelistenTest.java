package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.picogate.http.internal.HttpServerComponent.RELISTEN_PATIENCE;
import static org.picogate.http.internal.HttpServerComponent.RELISTEN_PAUSE;

import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.config.testing.ConfigProxies;
import org.picogate.config.testing.LogCapture;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.ServerStats;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.StreamServer;
import org.picogate.streams.StreamService;

/**
 * A change of {@code maxConnections} (like {@code tls} or {@code backlog}) on the same port: the old listener must
 * let go of the port before the new one can bind. {@link HttpServerComponent#modified} tries once and returns;
 * the tries after it are scheduler callbacks, so this test moves them with the virtual clock. The ports are a fake
 * of the kernel's table (a bind to a taken port fails like the real one), so no step waits on a socket.
 */
@Timeout(60) // a guard against a hang only; time is virtual
class SamePortRelistenTest {
    private static final int PORT = 8080;
    private static final long PAUSE_NANOS = RELISTEN_PAUSE.toNanos();
    private final VirtualClock clock = VirtualClock.create();
    private final TestScheduler scheduler = TestScheduler.start(clock, "same-port-relisten");
    private final FakePorts ports = new FakePorts();
    private final LogCapture logged = new LogCapture("org.picogate.http");
    private HttpServerComponent server;

    @AfterEach
    void close() {
        if (server != null) {
            server.deactivate();
        }
        scheduler.close();
        logged.close();
    }

    @Test
    void theConfigurationThreadTriesOnceAndTheSchedulerBindsAsSoonAsTheOldListenerLetsGo() {
        server = new HttpServerComponent(scheduler, ports, config(PORT, 1024), Map.of());
        FakeServer old = ports.opened.getFirst();

        server.modified(config(PORT, 512), Map.of());

        // one try, on the caller's thread, while the old listener held the port; no wait there
        assertThat(ports.tries).containsExactly(0L, 0L);
        assertThat(server.port()).isEqualTo(-1);

        clock.advance(RELISTEN_PAUSE); // the old listener's task has let go by the first retry

        assertThat(old.grace).as("retired gracefully, with shutdownGraceMillis").isEqualTo(Duration.ofSeconds(10));
        assertThat(ports.tries).containsExactly(0L, 0L, PAUSE_NANOS);
        assertThat(server.port()).isEqualTo(PORT);
        assertThat(ports.opened.getLast().options.maxConnections()).isEqualTo(512);
        assertThat(logged.errors()).isEmpty();
    }

    @Test
    void whileThePortStaysTakenItTriesEveryPauseAndAfterThePatienceLogsThePidAndTheAddress() {
        waitForThePort();
        clock.advance(RELISTEN_PATIENCE.minus(RELISTEN_PAUSE));

        int retries = (int) (RELISTEN_PATIENCE.toNanos() / PAUSE_NANOS);
        assertThat(ports.tries).hasSize(2 + retries - 1);
        assertThat(ports.tries.getLast()).isEqualTo(RELISTEN_PATIENCE.toNanos() - PAUSE_NANOS);
        assertThat(logged.errors()).isEmpty();

        clock.advance(RELISTEN_PAUSE); // the last try, at the deadline

        assertThat(ports.tries).hasSize(2 + retries);
        assertThat(server.port()).isEqualTo(-1);
        assertThat(logged.errors()).containsExactly("org.picogate.http: cannot listen on 127.0.0.1:" + PORT
                + "; not serving HTTP until the configuration changes");

        clock.advance(Duration.ofSeconds(10));
        assertThat(ports.tries).as("no try after giving up").hasSize(2 + retries);

        ports.takenElsewhere.remove(PORT);
        server.modified(config(PORT, 256), Map.of()); // the next change tries again, and binds at once
        assertThat(server.port()).isEqualTo(PORT);
        assertThat(ports.opened.getLast().options.maxConnections()).isEqualTo(256);
    }

    @Test
    void aChangeOfOnlyLimitsWhileWaitingLeavesTheTriesAsTheyAre() {
        waitForThePort();
        clock.advance(RELISTEN_PAUSE.multipliedBy(3));

        server.modified(config(PORT, 512, 4096), Map.of()); // maxBody: no new listener needed

        assertThat(ports.tries).hasSize(2 + 3);
        ports.takenElsewhere.remove(PORT);
        clock.advance(RELISTEN_PAUSE);
        assertThat(ports.tries).containsExactly(0L, 0L, PAUSE_NANOS, 2 * PAUSE_NANOS, 3 * PAUSE_NANOS,
                4 * PAUSE_NANOS);
        assertThat(server.port()).isEqualTo(PORT);
    }

    @Test
    void anotherSamePortChangeWhileWaitingWaitsForTheNewSettingsInstead() {
        waitForThePort();
        clock.advance(RELISTEN_PATIENCE.minus(RELISTEN_PAUSE));

        server.modified(config(PORT, 256), Map.of());
        clock.advance(RELISTEN_PAUSE.multipliedBy(2)); // past the first wait's deadline: the second has its own

        assertThat(logged.errors()).isEmpty();
        ports.takenElsewhere.remove(PORT);
        clock.advance(RELISTEN_PAUSE);
        assertThat(server.port()).isEqualTo(PORT);
        assertThat(ports.opened).hasSize(2);
        assertThat(ports.opened.getLast().options.maxConnections()).isEqualTo(256);
        int tries = ports.tries.size();
        clock.advance(RELISTEN_PATIENCE);
        assertThat(ports.tries).as("the first wait tries no more").hasSize(tries);
    }

    @Test
    void aMoveToAnotherPortWhileWaitingListensThereAndEndsTheWait() {
        waitForThePort();
        clock.advance(RELISTEN_PAUSE);

        server.modified(config(PORT + 1, 512), Map.of());

        assertThat(server.port()).isEqualTo(PORT + 1);
        int tries = ports.tries.size();
        ports.takenElsewhere.remove(PORT);
        clock.advance(RELISTEN_PATIENCE);
        assertThat(ports.tries).hasSize(tries);
        assertThat(ports.opened).extracting(s -> s.options.port()).containsExactly(PORT, PORT + 1);
        assertThat(logged.errors()).isEmpty();
    }

    @Test
    void aStopWhileWaitingEndsTheTriesAndOpensNothing() {
        waitForThePort();
        clock.advance(RELISTEN_PAUSE);
        int tries = ports.tries.size();

        server.deactivate();
        server = null;
        ports.takenElsewhere.remove(PORT);
        clock.advance(RELISTEN_PATIENCE);

        assertThat(ports.tries).hasSize(tries);
        assertThat(ports.opened).hasSize(1);
        assertThat(logged.errors()).isEmpty();
    }

    /**
     * Serving on {@link #PORT}, then a change of {@code maxConnections} while another process holds the port (it
     * took it the moment the old listener let go): the tries go on until the test frees it.
     */
    private void waitForThePort() {
        server = new HttpServerComponent(scheduler, ports, config(PORT, 1024), Map.of());
        ports.takenElsewhere.add(PORT);
        server.modified(config(PORT, 512), Map.of());
    }

    /** The defaults on {@code 127.0.0.1:port}, with {@code maxConnections} (a change of it needs a new listener). */
    private static HttpConfig config(int port, int maxConnections) {
        return config(port, maxConnections, HttpLimits.DEFAULTS.maxBody());
    }

    /** As {@link #config(int, int)}, with {@code maxBody} (a limit: no new listener). */
    private static HttpConfig config(int port, int maxConnections, long maxBody) {
        return ConfigProxies.of(HttpConfig.class, Map.of("port", port, "host", "127.0.0.1", "maxConnections",
                maxConnections, "maxBody", maxBody));
    }

    /** The kernel's port table, as far as binding goes: one listener a port; another process may hold one. */
    private final class FakePorts implements StreamService {
        /** Virtual times of the calls to {@link #listen}. */
        final List<Long> tries = new CopyOnWriteArrayList<>();
        final List<FakeServer> opened = new CopyOnWriteArrayList<>();
        final Set<Integer> held = ConcurrentHashMap.newKeySet();
        final Set<Integer> takenElsewhere = ConcurrentHashMap.newKeySet();

        @Override
        public StreamServer listen(ListenOptions options, StreamHandler handler) throws IOException {
            tries.add(clock.nanoTime());
            if (takenElsewhere.contains(options.port()) || !held.add(options.port())) {
                throw new BindException("Address already in use");
            }
            FakeServer s = new FakeServer(this, options);
            opened.add(s);
            return s;
        }

        @Override
        public Stream connect(String host, int port, ConnectOptions options) {
            throw new UnsupportedOperationException("the server only listens");
        }

        @Override
        public Stream connect(String host, int port) {
            throw new UnsupportedOperationException("the server only listens");
        }
    }

    /** A listener without connections: closing lets go of its port at once. */
    private static final class FakeServer implements StreamServer {
        final FakePorts ports;
        final ListenOptions options;
        volatile boolean closed;
        /** The grace it was closed with, or {@code null}. */
        volatile Duration grace;

        FakeServer(FakePorts ports, ListenOptions options) {
            this.ports = ports;
            this.options = options;
        }

        @Override
        public int port() {
            return options.port();
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                ports.held.remove(options.port());
            }
        }

        @Override
        public boolean closeGracefully(Duration grace) {
            this.grace = grace;
            close();
            return true;
        }

        @Override
        public ServerStats stats() {
            return new ServerStats(0, 0, 0, 0, 0, 0);
        }

        @Override
        public List<Stream> connections() {
            return List.of();
        }
    }
}
