package org.picogate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.picogate.client.internal.ClientFixture.assertPoolClean;
import static org.picogate.client.internal.RawHttp.read;
import static org.picogate.client.internal.RawHttp.send;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.client.ClientResponse;
import org.picogate.client.DeadlineExceededException;
import org.picogate.client.ReadTimeoutException;
import org.picogate.client.SessionOptions;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Task;

/**
 * Read timeout, total deadline and cancellation, on a virtual clock: time moves only by {@code advance}, so a
 * 30-second timeout is tested without waiting for it. Each ends in its exception and frees its connection.
 */
class DeadlinesTest {
    private final ClientFixture fixture = ClientFixture.onVirtualClock();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Reads the request, then answers nothing until the client goes. */
    private String silentServer(Event requestRead) throws Exception {
        return fixture.rawServer(s -> {
            read(s);
            requestRead.set();
            read(s);
        });
    }

    /** Advances the clock in steps until {@code task} ends (bounded), and returns its failure. */
    private Throwable advanceUntilFailed(Task<?> task, Duration step, int maxSteps) {
        for (int i = 0; i < maxSteps && task.state() == Task.State.RUNNING; i++) {
            fixture.virtualClock().advance(step);
        }
        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                task::join);
        return failed.getCause();
    }

    @Test
    void aServerSilentLongerThanTheReadTimeoutIsAReadTimeout() throws Exception {
        Event requestRead = fixture.scheduler.event();
        String base = silentServer(requestRead);
        SessionImpl session = fixture.session(SessionOptions.defaults().withReadTimeout(Duration.ofSeconds(30)));
        Task<ClientResponse> get = fixture.scheduler.spawn("get", () -> session.get(base));
        requestRead.await();
        Throwable failure = advanceUntilFailed(get, Duration.ofSeconds(10), 10);
        assertThat(failure).isInstanceOf(ReadTimeoutException.class).hasMessageContaining("30000 ms");
        assertThat(((ReadTimeoutException) failure).timeout()).isEqualTo(Duration.ofSeconds(30));
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void expectContinueToAServerThatWaitsSilentlyForTheBodyEndsInTheReadTimeout() throws Exception {
        String base = fixture.rawServer(s -> read(s)); // reads the head, then waits for the announced body
        SessionImpl session = fixture.session(SessionOptions.defaults().withReadTimeout(Duration.ofSeconds(5)));
        Task<ClientResponse> post = fixture.scheduler.spawn("post", () -> session.post(base).text("body")
                .expectContinue(true).send());
        Throwable failure = advanceUntilFailed(post, Duration.ofSeconds(5), 10);
        assertThat(failure).isInstanceOf(ReadTimeoutException.class);
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void aSlowBodyPastTheTotalDeadlineIsDeadlineExceeded() throws Exception {
        Event bodyStarted = fixture.scheduler.event();
        String base = fixture.rawServer(s -> {
            read(s);
            send(s, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nfirst bytes");
            bodyStarted.set();
            read(s);
        });
        SessionImpl session = fixture.session(SessionOptions.defaults().withReadTimeout(Duration.ZERO)
                .withTotalTimeout(Duration.ofSeconds(20)));
        Task<byte[]> get = fixture.scheduler.spawn("get", () -> session.get(base).bytes());
        bodyStarted.await();
        Throwable failure = advanceUntilFailed(get, Duration.ofSeconds(10), 10);
        assertThat(failure).isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("total deadline of 20000 ms passed while reading the response body");
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void aRequestTimeoutOverridesTheSessionsTotalTimeout() throws Exception {
        Event requestRead = fixture.scheduler.event();
        String base = silentServer(requestRead);
        SessionImpl session = fixture.session(SessionOptions.defaults().withReadTimeout(Duration.ZERO));
        Task<ClientResponse> get = fixture.scheduler.spawn("get", () -> session.request("GET", base)
                .timeout(Duration.ofSeconds(5)).send());
        requestRead.await();
        Throwable failure = advanceUntilFailed(get, Duration.ofSeconds(5), 10);
        assertThat(failure).isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("while sending the request or awaiting the response");
        assertPoolClean(session);
    }

    @Test
    void waitingForAFullPoolEndsAtTheDeadline() throws Exception {
        String base = fixture.rawServer(s -> {
            read(s);
            send(s, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
            read(s);
        });
        SessionImpl session = fixture.session(SessionOptions.defaults().withMaxConnectionsPerHost(1)
                .withTotalTimeout(Duration.ofSeconds(5)));
        ClientResponse holding = session.request("GET", base).timeout(Duration.ZERO).send(); // body unread
        Task<ClientResponse> second = fixture.scheduler.spawn("second", () -> session.get(base));
        Throwable failure = advanceUntilFailed(second, Duration.ofSeconds(1), 20);
        assertThat(failure).isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("while waiting for a pooled connection");
        assertThat(session.stats().waiting()).isZero();
        assertThat(holding.text()).isEqualTo("hello");
        assertPoolClean(session);
        assertThat(session.stats().created()).isEqualTo(1);
    }

    @Test
    void cancellingTheCallingTaskEndsTheRequestAndFreesItsConnection() throws Exception {
        Event requestRead = fixture.scheduler.event();
        String base = silentServer(requestRead);
        SessionImpl session = fixture.session(SessionOptions.defaults().withReadTimeout(Duration.ZERO));
        Task<ClientResponse> get = fixture.scheduler.spawn("get", () -> session.get(base));
        requestRead.await();
        assertThat(session.stats().busy()).isEqualTo(1);
        get.cancel();
        assertThatThrownBy(get::join).isInstanceOf(CancellationException.class);
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
        assertThat(session.stats().discarded()).isEqualTo(1);
    }

    @Test
    void cancellingATaskWaitingForAConnectionLeavesThePoolClean() throws Exception {
        String base = fixture.rawServer(s -> {
            for (RawHttp.Request r; (r = read(s)) != null; ) {
                send(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
            s.close();
        });
        SessionImpl session = fixture.session(SessionOptions.defaults().withMaxConnectionsPerHost(1));
        ClientResponse holding = session.get(base);
        Task<ClientResponse> waiting = fixture.scheduler.spawn("waiting", () -> session.get(base));
        while (session.stats().waiting() == 0 && waiting.state() == Task.State.RUNNING) {
            Thread.onSpinWait(); // until the task is parked in the pool (no time involved)
        }
        waiting.cancel();
        assertThatThrownBy(waiting::join).isInstanceOf(CancellationException.class);
        assertThat(session.stats().waiting()).isZero();
        assertThat(holding.text()).isEqualTo("ok");
        assertThat(session.get(base).text()).isEqualTo("ok");
        assertPoolClean(session);
        assertThat(session.stats().created()).isEqualTo(1);
    }
}
