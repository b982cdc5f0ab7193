package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.StreamState;

/** The lazily armed deadline of a connection, on virtual time over an in-memory pipe. */
class ConnectionDeadlineTest extends PipeFixture {
    private static final Duration RECHECK = Duration.ofSeconds(10);
    private VirtualClock clock;
    private ConnectionDeadline deadline;

    @BeforeEach
    void open() {
        clock = (VirtualClock) scheduler.clock();
        deadline = new ConnectionDeadline(scheduler, server, RECHECK);
    }

    @AfterEach
    void close() {
        deadline.close();
    }

    private int pendingTimers() {
        return scheduler.stats().pendingTimers();
    }

    @Test
    void abortsTheStreamExactlyWhenTheDeadlinePasses() {
        assertThat(deadline.expireAfter(Duration.ofSeconds(5))).isTrue();
        clock.advance(Duration.ofMillis(4999));
        assertThat(server.state()).isEqualTo(StreamState.OPEN);
        assertThat(deadline.expired()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(deadline.expired()).isTrue();
        assertThat(server.state()).isEqualTo(StreamState.ABORTED);
    }

    @Test
    void aDeadlineLongerThanTheRecheckPeriodIsStillExact() {
        deadline.expireAfter(Duration.ofSeconds(60)); // the timer wakes every 10 s to look, and only then acts
        clock.advance(Duration.ofSeconds(59));
        assertThat(server.state()).isEqualTo(StreamState.OPEN);
        clock.advance(Duration.ofSeconds(1));
        assertThat(server.state()).isEqualTo(StreamState.ABORTED);
    }

    @Test
    void movingTheDeadlineOnAddsNoTimer() {
        deadline.expireAfter(Duration.ofSeconds(5));
        assertThat(pendingTimers()).isEqualTo(1);
        for (int second = 1; second <= 100; second++) { // a request a second, each setting two deadlines
            clock.advance(Duration.ofSeconds(1));
            deadline.expireAfter(Duration.ofSeconds(60));
            deadline.expireAfter(Duration.ofSeconds(5));
            assertThat(pendingTimers()).as("at second " + second).isEqualTo(1);
        }
        assertThat(server.state()).isEqualTo(StreamState.OPEN);
        clock.advance(Duration.ofSeconds(5));
        assertThat(server.state()).isEqualTo(StreamState.ABORTED);
    }

    @Test
    void anEarlierDeadlineThanTheArmedTimerIsKept() {
        deadline.expireAfter(Duration.ofSeconds(9)); // armed for 9 s
        deadline.expireAfter(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(server.state()).isEqualTo(StreamState.ABORTED);
    }

    @Test
    void clearedDeadlineLetsTheStreamWaitAndItsTimerGoes() {
        deadline.expireAfter(Duration.ofSeconds(1));
        assertThat(deadline.clear()).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(server.state()).isEqualTo(StreamState.OPEN);
        assertThat(pendingTimers()).isZero(); // it fired once, found no deadline, and did not re-arm
    }

    @Test
    void closeRemovesThePendingTimer() {
        deadline.expireAfter(Duration.ofSeconds(30));
        assertThat(pendingTimers()).isEqualTo(1);
        deadline.close();
        assertThat(pendingTimers()).isZero();
        clock.advance(Duration.ofSeconds(60));
        assertThat(server.state()).isEqualTo(StreamState.OPEN);
    }

    @Test
    void aPassedDeadlineSticks() {
        deadline.expireAfter(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(deadline.expireAfter(Duration.ofSeconds(10))).isFalse();
        assertThat(deadline.clear()).isFalse();
        assertThat(deadline.expired()).isTrue();
    }
}
