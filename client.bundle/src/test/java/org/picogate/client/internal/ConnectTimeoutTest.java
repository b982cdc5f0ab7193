package org.picogate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.picogate.client.internal.ClientFixture.assertPoolClean;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.picogate.client.ClientResponse;
import org.picogate.client.ConnectTimeoutException;
import org.picogate.client.DeadlineExceededException;
import org.picogate.client.SessionOptions;
import org.picogate.scheduler.Task;
import org.picogate.streams.testing.FullBacklog;

/** A connect that hangs, on a virtual clock: the connect timeout, or a shorter total deadline, ends it. */
class ConnectTimeoutTest {
    private final ClientFixture fixture = ClientFixture.onVirtualClock();

    @AfterEach
    void close() {
        fixture.close();
    }

    /**
     * A port on 127.0.0.1 whose connects hang (its accept queue full: the kernel drops the SYN), the one way found
     * to make a loopback connect wait.
     */
    private static FullBacklog hangingPort() throws IOException {
        FullBacklog backlog = FullBacklog.open();
        if (!backlog.full()) {
            backlog.close();
        }
        assertThat(backlog.full()).as("the accept queue of a loopback listener filled up").isTrue();
        return backlog;
    }

    private Throwable advanceUntilFailed(Task<?> task) {
        for (int i = 0; i < 20 && task.state() == Task.State.RUNNING; i++) {
            fixture.virtualClock().advance(Duration.ofSeconds(1));
        }
        return Assertions.assertThrows(ExecutionException.class, task::join).getCause();
    }

    @Test
    void aHangingConnectEndsInConnectTimeout() throws Exception {
        try (FullBacklog hanging = hangingPort()) {
            SessionImpl session = fixture.session(SessionOptions.defaults().withConnectTimeout(Duration.ofSeconds(5)));
            Task<ClientResponse> get = fixture.scheduler.spawn("get", () -> session.get("http://127.0.0.1:"
                    + hanging.port() + "/"));
            Throwable failure = advanceUntilFailed(get);
            assertThat(failure).isInstanceOf(ConnectTimeoutException.class)
                    .hasMessage("connect to 127.0.0.1:" + hanging.port() + " timed out after 5000 ms");
            assertPoolClean(session);
            assertThat(session.stats().open()).isZero();
        }
    }

    @Test
    void aTotalDeadlineShorterThanTheConnectTimeoutEndsTheConnectAsDeadlineExceeded() throws Exception {
        try (FullBacklog hanging = hangingPort()) {
            SessionImpl session = fixture.session(SessionOptions.defaults().withConnectTimeout(Duration.ofSeconds(10))
                    .withTotalTimeout(Duration.ofSeconds(3)));
            Task<ClientResponse> get = fixture.scheduler.spawn("get", () -> session.get("http://127.0.0.1:"
                    + hanging.port() + "/"));
            Throwable failure = advanceUntilFailed(get);
            assertThat(failure).isInstanceOf(DeadlineExceededException.class)
                    .hasMessageContaining("total deadline of 3000 ms passed while connecting");
            assertThat(fixture.clock.nanoTime()).isLessThan(Duration.ofSeconds(10).toNanos());
            assertPoolClean(session);
            assertThat(session.stats().open()).isZero();
        }
    }
}
