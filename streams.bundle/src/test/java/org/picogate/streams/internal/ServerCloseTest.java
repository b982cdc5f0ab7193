package org.picogate.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.picogate.streams.internal.Loopback.echoLines;
import static org.picogate.streams.internal.Loopback.howItEnds;
import static org.picogate.streams.internal.Loopback.sendLine;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.scheduler.CancelledException;
import org.picogate.scheduler.Channel;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Task;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.StreamState;

/**
 * Closing a server: at once ({@code close}) or with a grace time on the virtual clock ({@code closeGracefully}).
 * The grace is measured only in virtual time: the clock is advanced, never waited for.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerCloseTest {
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Loopback loopback = new Loopback();
    private final Event release = loopback.scheduler.event();
    private final Channel<String> outcomes = loopback.scheduler.channel(16);

    @AfterEach
    void tearDown() {
        release.set();
        loopback.close();
    }

    /** Greets, waits for {@link #release} (a wait on the scheduler, so the clock can settle), then says bye. */
    private StreamHandler greetWaitAndSayBye() {
        return s -> {
            sendLine(s, "welcome");
            release.await();
            sendLine(s, "bye");
        };
    }

    /** Starts closeGracefully in a task and lets everything settle: the server no longer accepts. */
    private Task<Boolean> closeGracefully(StreamServerImpl server) {
        Task<Boolean> closing = loopback.scheduler.spawn("close", () -> server.closeGracefully(GRACE));
        loopback.clock.advance(Duration.ZERO);
        return closing;
    }

    @Test
    void closeGracefullyStopsAcceptingAndLetsAHandlerFinishInTime() throws Exception {
        StreamServerImpl server = loopback.listen(greetWaitAndSayBye());
        Stream client = loopback.connect(server.port());
        assertThat(client.readLine(100)).isEqualTo("welcome");

        Task<Boolean> closing = closeGracefully(server);
        assertThatThrownBy(() -> loopback.connect(server.port())).isInstanceOf(ConnectException.class);
        loopback.clock.advance(GRACE.minusSeconds(1));
        assertThat(closing.state()).isEqualTo(Task.State.RUNNING);

        release.set();
        assertThat(client.readLine(100)).isEqualTo("bye");
        assertThat(client.readLine(100)).isNull(); // the handler returned: its stream was closed gracefully
        client.close();
        assertThat(closing.join()).isTrue();
        assertThat(server.stats().open()).isZero();
    }

    @Test
    void closeGracefullyAbortsAHandlerBlockedOnItsStreamOnceTheGraceIsOver() throws Exception {
        StreamServerImpl server = loopback.listen(s -> {
            sendLine(s, "welcome");
            try {
                s.readLine(100); // the client never sends: only the abort ends this read
            } catch (Exception e) {
                outcomes.send(e.getClass().getSimpleName());
                throw e;
            }
        });
        Stream client = loopback.connect(server.port());
        assertThat(client.readLine(100)).isEqualTo("welcome");

        Task<Boolean> closing = loopback.scheduler.spawn("close", () -> server.closeGracefully(GRACE));
        loopback.clock.advance(GRACE.minusSeconds(1)); // the handler is in a socket read: each step settles slowly
        assertThat(closing.state()).isEqualTo(Task.State.RUNNING);
        loopback.clock.advance(Duration.ofSeconds(1));

        assertThat(closing.join()).isFalse();
        assertThat(outcomes.receive()).isNotEmpty();
        assertThat(howItEnds(client)).isEqualTo("reset");
        assertThat(server.connections()).isEmpty();
    }

    @Test
    void closeGracefullyCancelsAHandlerThatOverrunsWhileWaitingOnSomethingElse() throws Exception {
        // regression: only the stream was aborted, so a handler asleep (not reading) ran on without a connection
        StreamServerImpl server = loopback.listen(s -> {
            sendLine(s, "welcome");
            try {
                loopback.scheduler.sleep(Duration.ofHours(1));
                outcomes.send("slept an hour");
            } catch (CancelledException cancelled) {
                outcomes.send("cancelled");
                throw cancelled;
            }
        });
        Stream client = loopback.connect(server.port());
        assertThat(client.readLine(100)).isEqualTo("welcome");

        Task<Boolean> closing = closeGracefully(server);
        loopback.clock.advance(GRACE);

        assertThat(closing.join()).isFalse();
        loopback.clock.advance(Duration.ZERO); // lets the cancelled handler end
        assertThat(outcomes.tryReceive()).isEqualTo("cancelled");
        assertThat(howItEnds(client)).isEqualTo("reset");
    }

    @Test
    void closeAbortsEveryOpenConnectionAndStopsAccepting() throws Exception {
        Channel<Stream> ended = loopback.scheduler.channel(16);
        StreamServerImpl server = loopback.listen(echoLines(ended));
        Stream a = loopback.connect(server.port());
        Stream b = loopback.connect(server.port());
        for (Stream s : new Stream[] { a, b }) {
            sendLine(s, "hi");
            assertThat(s.readLine(100)).isEqualTo("hi");
        }

        server.close();

        assertThat(howItEnds(a)).isEqualTo("reset");
        assertThat(howItEnds(b)).isEqualTo("reset");
        assertThat(ended.receive().state()).isEqualTo(StreamState.ABORTED);
        assertThat(ended.receive().state()).isEqualTo(StreamState.ABORTED);
        assertThat(server.connections()).isEmpty();
        assertThat(server.stats().open()).isZero();
        assertThatThrownBy(() -> loopback.connect(server.port())).isInstanceOf(ConnectException.class);
    }

    @Test
    void closeGracefullyWithNoConnectionsReturnsAtOnce() {
        StreamServerImpl server;
        try {
            server = loopback.listen(greetWaitAndSayBye());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(server.closeGracefully(GRACE)).isTrue();
    }
}
