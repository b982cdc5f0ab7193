package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.http.Handler;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamState;
import org.picogate.streams.testing.Pipe;

/**
 * Retiring a listener ({@link HttpServerCore#drain()}) on in-memory connections: idle keep-alive connections end
 * at once with the end of input, a request in flight is answered in full first, requests that start later are
 * answered with {@code Connection: close}, and a client that has just connected still gets its first answer.
 */
class HttpDrainTest {
    private final VirtualClock clock = VirtualClock.create().settleTimeout(Duration.ofMillis(20));
    private final TestScheduler scheduler = TestScheduler.start(clock, "drain-test");
    private final Event handlerEntered = scheduler.event();
    private final Event release = scheduler.event();
    /** {@code /latch} waits for this, a JDK latch: a cancellation reaches the handler as an interrupt. */
    private final CountDownLatch never = new CountDownLatch(1);
    /** {@code /slow} waits for {@link #release}; every other path answers at once with its path. */
    private final Handler handler = (request, response) -> {
        if (request.path().equals("/latch")) {
            handlerEntered.set();
            never.await();
        }
        if (request.path().equals("/slow")) {
            handlerEntered.set();
            release.await();
            response.send("slow " + "x".repeat(100_000));
        } else {
            response.send("fast " + request.path());
        }
    };
    private final HttpServerCore core = new HttpServerCore(scheduler, () -> HttpLimits.DEFAULTS, () -> handler,
            new FileResponder(true));
    private final List<Pipe> pipes = new ArrayList<>();

    @AfterEach
    void close() {
        never.countDown();
        pipes.forEach(Pipe::close);
        scheduler.close();
    }

    /** A client connection; the server end is served in a task and closed after, as a stream server does. */
    private Connection connect() {
        Pipe pipe = Pipe.open(scheduler);
        pipes.add(pipe);
        Stream server = pipe.right();
        Task<Void> task = scheduler.spawn("connection", () -> {
            try {
                core.handle(server);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                server.close();
            }
        });
        return new Connection(pipe.left(), task);
    }

    private record Reply(String statusLine, Map<String, String> headers, String body) {
    }

    private record Connection(Stream client, Task<Void> server) {
        void send(String path) throws IOException {
            client.write(("GET " + path + " HTTP/1.1\r\nHost: gw\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            client.drain();
        }

        Reply read() throws IOException {
            String status = client.readLine(1000);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = client.readLine(1000); !line.isEmpty(); line = client.readLine(1000)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).toLowerCase(), line.substring(colon + 1).strip());
            }
            byte[] body = client.readExactly(Integer.parseInt(headers.get("content-length")));
            return new Reply(status, headers, new String(body, StandardCharsets.US_ASCII));
        }

        /**
         * The end of input, not a reset and not another byte. Nothing on the virtual clock ends the wait (the idle
         * timeout is a minute away and time stands still): a server that keeps the connection makes this hang, so a
         * real-time guard turns that into a failure.
         */
        boolean endsCleanly() throws Exception {
            return ends(false);
        }

        /** The end of input or a reset, without another byte (guarded like {@link #endsCleanly()}). */
        boolean endsWithoutAnotherByte() throws Exception {
            return ends(true);
        }

        private boolean ends(boolean resetToo) throws Exception {
            FutureTask<Boolean> eof = new FutureTask<>(() -> {
                try {
                    return client.read(1).length == 0;
                } catch (IOException reset) {
                    return resetToo;
                }
            });
            Thread.ofVirtual().start(eof);
            try {
                return eof.get(10, TimeUnit.SECONDS);
            } catch (TimeoutException stillOpen) {
                return false;
            }
        }
    }

    @Test
    void anIdleKeepAliveConnectionEndsAtOnceWithTheEndOfInput() throws Exception {
        Connection c = connect();
        c.send("/one");
        Reply first = c.read();
        assertThat(first.body()).isEqualTo("fast /one");
        assertThat(first.headers()).doesNotContainKey("connection");

        core.drain();

        assertThat(c.endsCleanly()).isTrue();
        c.client().close();
        c.server().join(Duration.ofSeconds(5));
        assertThat(core.connections()).isZero();
    }

    @Test
    void aRequestInFlightIsAnsweredInFullThenItsConnectionEnds() throws Exception {
        Connection c = connect();
        c.send("/one");
        c.read();
        c.send("/slow");
        handlerEntered.await();

        core.drain();
        assertThat(c.server().state()).isEqualTo(Task.State.RUNNING); // not cut: it has a request to answer
        release.set();

        Reply slow = c.read();
        assertThat(slow.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(slow.body()).hasSize(100_005).startsWith("slow xxx");
        assertThat(c.endsCleanly()).isTrue();
    }

    @Test
    void aRequestStartedAfterTheDrainIsTheLastOfItsConnection() throws Exception {
        Connection c = connect();
        c.send("/one");
        c.read();
        core.drain();
        Connection late = connect(); // accepted just before the listener closed

        late.send("/late");
        Reply reply = late.read();

        assertThat(reply.body()).isEqualTo("fast /late");
        assertThat(reply.headers()).containsEntry("connection", "close");
        assertThat(late.endsCleanly()).isTrue();
        assertThat(c.endsCleanly()).isTrue();
    }

    @Test
    void aClientThatHasJustConnectedStillGetsItsFirstAnswer() throws Exception {
        Connection fresh = connect();
        clock.advance(Duration.ofMillis(1)); // its task waits for the first request now

        core.drain();
        fresh.send("/first");

        Reply reply = fresh.read();
        assertThat(reply.body()).isEqualTo("fast /first");
        assertThat(reply.headers()).containsEntry("connection", "close");
        assertThat(fresh.endsCleanly()).isTrue();
    }

    @Test
    void aHandlerInterruptedByTheCancellationOfItsTaskEndsItCancelledWithoutAnAnswer() throws Exception {
        Connection c = connect();
        c.send("/latch");
        handlerEntered.await();

        c.server().cancel(); // what a server closing past its shutdown grace does, after aborting the stream

        assertThat(c.endsWithoutAnotherByte()).as("no 500 for a request that was cut, not failed").isTrue();
        c.client().close();
        assertThatThrownBy(() -> c.server().join()).isInstanceOf(CancellationException.class);
        assertThat(c.server().state()).isEqualTo(Task.State.CANCELLED);
    }

    @Test
    void withoutADrainConnectionsStayOpen() throws Exception {
        Connection c = connect();
        c.send("/one");
        c.read();
        clock.advance(Duration.ofSeconds(30)); // within the idle timeout

        c.send("/two");
        assertThat(c.read().headers()).doesNotContainKey("connection");
        assertThat(c.client().state()).isEqualTo(StreamState.OPEN);
    }
}
