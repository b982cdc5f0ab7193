package org.picogate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.picogate.client.internal.ClientFixture.assertPoolClean;
import static org.picogate.client.internal.RawHttp.ok;
import static org.picogate.client.internal.RawHttp.read;
import static org.picogate.client.internal.RawHttp.send;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.client.ClientResponse;
import org.picogate.client.PoolStats;
import org.picogate.client.SessionOptions;
import org.picogate.scheduler.Task;

/** Pool limits with queueing, room made at the total limit, idle expiry on the scheduler clock, session close. */
class PoolTest {
    private final ClientFixture fixture = ClientFixture.onVirtualClock();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Answers every request on a connection with "ok" until the client closes. */
    private String keepAliveServer(AtomicInteger connections) throws Exception {
        return fixture.rawServer(s -> {
            connections.incrementAndGet();
            while (read(s) != null) {
                send(s, ok("ok"));
            }
            s.close();
        });
    }

    @Test
    void aRequestBeyondTheHostLimitWaitsForAConnectionAndReusesIt() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        String base = keepAliveServer(connections);
        SessionImpl session = fixture.session(SessionOptions.defaults().withMaxConnectionsPerHost(1));
        ClientResponse first = session.get(base);
        Task<String> second = fixture.scheduler.spawn("second", () -> session.get(base).text());
        while (session.stats().waiting() == 0 && second.state() == Task.State.RUNNING) {
            Thread.onSpinWait(); // until the task is parked in the pool (no time involved)
        }
        assertThat(session.stats().waiting()).isEqualTo(1);
        assertThat(first.text()).isEqualTo("ok"); // its connection goes back to the pool
        assertThat(second.join()).isEqualTo("ok");
        PoolStats stats = session.stats();
        assertThat(stats.created()).isEqualTo(1);
        assertThat(stats.reused()).isEqualTo(1);
        assertThat(connections.get()).isEqualTo(1);
        assertPoolClean(session);
    }

    @Test
    void atTheTotalLimitAnIdleConnectionToAnotherHostIsClosedToMakeRoom() throws Exception {
        String a = keepAliveServer(new AtomicInteger());
        String b = keepAliveServer(new AtomicInteger());
        SessionImpl session = fixture.session(SessionOptions.defaults().withMaxConnections(1));
        assertThat(session.get(a).text()).isEqualTo("ok");
        assertThat(session.get(b).text()).isEqualTo("ok");
        PoolStats stats = session.stats();
        assertThat(stats.open()).isEqualTo(1);
        assertThat(stats.created()).isEqualTo(2);
        assertThat(stats.discarded()).isEqualTo(1);
        assertPoolClean(session);
    }

    @Test
    void idleConnectionsExpireAfterTheIdleTimeout() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        String base = keepAliveServer(connections);
        SessionImpl session = fixture.session(SessionOptions.defaults().withIdleTimeout(Duration.ofSeconds(30)));
        assertThat(session.get(base).text()).isEqualTo("ok");
        fixture.virtualClock().advance(Duration.ofSeconds(29));
        assertThat(session.stats().idle()).isEqualTo(1);
        fixture.virtualClock().advance(Duration.ofSeconds(1));
        PoolStats stats = session.stats();
        assertThat(stats.expired()).isEqualTo(1);
        assertThat(stats.open()).isZero();
        assertThat(session.get(base).text()).isEqualTo("ok");
        assertThat(session.stats().created()).isEqualTo(2);
        assertThat(connections.get()).isEqualTo(2);
        assertPoolClean(session);
    }

    @Test
    void aConnectionUsedAgainIsKeptForAnotherIdleTimeout() throws Exception {
        String base = keepAliveServer(new AtomicInteger());
        SessionImpl session = fixture.session(SessionOptions.defaults().withIdleTimeout(Duration.ofSeconds(30)));
        session.get(base).text();
        fixture.virtualClock().advance(Duration.ofSeconds(20));
        session.get(base).text();
        fixture.virtualClock().advance(Duration.ofSeconds(20)); // 40 s after the first use, 20 after the second
        assertThat(session.stats().idle()).isEqualTo(1);
        fixture.virtualClock().advance(Duration.ofSeconds(10));
        assertThat(session.stats().expired()).isEqualTo(1);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void anIdleTimeoutOfZeroPoolsNothing() throws Exception {
        String base = keepAliveServer(new AtomicInteger());
        SessionImpl session = fixture.session(SessionOptions.defaults().withIdleTimeout(Duration.ZERO));
        session.get(base).text();
        session.get(base).text();
        assertThat(session.stats().open()).isZero();
        assertThat(session.stats().created()).isEqualTo(2);
    }

    @Test
    void closingTheSessionClosesIdleConnectionsAndRefusesRequests() throws Exception {
        String base = keepAliveServer(new AtomicInteger());
        String other = keepAliveServer(new AtomicInteger());
        SessionImpl session = fixture.session();
        session.get(base).text();
        session.get(other).text(); // two endpoints: closing forgets each while going through them
        assertThat(session.stats().idle()).isEqualTo(2);
        session.close();
        assertThat(session.stats().open()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.get(base))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("session is closed");
    }
}
