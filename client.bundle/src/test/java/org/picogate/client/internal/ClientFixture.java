package org.picogate.client.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.picogate.client.ClientSession;
import org.picogate.client.PoolStats;
import org.picogate.client.SessionOptions;
import org.picogate.http.Handler;
import org.picogate.http.internal.FileResponder;
import org.picogate.http.internal.HttpLimits;
import org.picogate.http.internal.HttpServerCore;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.StreamServer;
import org.picogate.streams.testing.TestStreams;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers on 127.0.0.1 (the Picogate HTTP server, or a raw {@link StreamHandler} scripting faults) and client
 * sessions, all on one scheduler: on the system clock, or on a {@link VirtualClock} for timeout tests. Closing
 * it closes every session and server.
 */
final class ClientFixture implements AutoCloseable {
    static final String HOST = "127.0.0.1";

    final Clock clock;
    final TestScheduler scheduler;
    /** The streams bundle's real TCP and TLS streams, as the service a session connects through. */
    final TestStreams streams;
    private final List<StreamServer> servers = new ArrayList<>();
    private final List<ClientSession> sessions = new ArrayList<>();

    private ClientFixture(Clock clock) {
        this.clock = clock;
        this.scheduler = TestScheduler.start(clock, "client-test");
        this.streams = new TestStreams(scheduler);
    }

    static ClientFixture onSystemClock() {
        return new ClientFixture(Clock.system());
    }

    /** Sockets block in real time: an advance waits (up to 300 ms) for tasks in socket calls to settle. */
    static ClientFixture onVirtualClock() {
        return new ClientFixture(VirtualClock.create().settleTimeout(Duration.ofMillis(300)));
    }

    VirtualClock virtualClock() {
        return (VirtualClock) clock;
    }

    /** The Picogate HTTP server with {@code handler}; returns its base URL. */
    String httpServer(Handler handler) throws IOException {
        HttpServerCore core = new HttpServerCore(scheduler, () -> HttpLimits.DEFAULTS, () -> handler,
                new FileResponder(false));
        return "http://" + HOST + ":" + listen(core) + "/";
    }

    /** A raw server: {@code script} gets each connection; returns its base URL. */
    String rawServer(StreamHandler script) throws IOException {
        return "http://" + HOST + ":" + listen(script) + "/";
    }

    int listen(StreamHandler handler) throws IOException {
        StreamServer server = streams.listen(ListenOptions.port(0).withHost(HOST), handler);
        servers.add(server);
        return server.port();
    }

    SessionImpl session(SessionOptions options) {
        SessionImpl[] self = new SessionImpl[1];
        SessionImpl session = new SessionImpl(options, scheduler, streams, () -> sessions.remove(self[0]));
        self[0] = session;
        sessions.add(session);
        return session;
    }

    SessionImpl session() {
        return session(SessionOptions.defaults());
    }

    /** Nothing leaked: no connection busy or waited for; every open connection idle and still open. */
    static void assertPoolClean(ClientSession session) {
        PoolStats stats = session.stats();
        assertThat(stats.busy()).as("busy connections in %s", stats).isZero();
        assertThat(stats.waiting()).as("waiting requests in %s", stats).isZero();
        assertThat(stats.open()).as("open connections in %s", stats).isEqualTo(stats.idle());
    }

    @Override
    public void close() {
        for (ClientSession s : List.copyOf(sessions)) {
            s.close();
        }
        for (StreamServer s : servers) {
            s.close();
        }
        scheduler.close();
    }
}
