package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.picogate.http.EventStream;
import org.picogate.http.Handler;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.StreamServer;
import org.picogate.streams.internal.StreamFactory;
import org.picogate.streams.internal.StreamSettings;

/**
 * Server-sent events over a real loopback socket, heartbeats on virtual time: a client that closes its socket is
 * noticed by the heartbeat writes (the first may still be taken by the kernel; a later one fails), and the
 * handler's loop on {@link EventStream#closed()} ends.
 */
class EventStreamOverSocketsTest {
    private final VirtualClock clock = VirtualClock.create().settleTimeout(Duration.ofMillis(50));
    private final TestScheduler scheduler = TestScheduler.start(clock, "sse-sockets");
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicInteger sleeps = new AtomicInteger();
    private StreamServer server;

    @BeforeEach
    void listen() throws Exception {
        Handler events = (request, response) -> {
            EventStream stream = response.sse(Duration.ofSeconds(15));
            stream.send("update", "hello");
            while (!stream.closed()) {
                scheduler.sleep(Duration.ofSeconds(5));
                sleeps.incrementAndGet();
            }
            ended.countDown();
        };
        HttpServerCore core = new HttpServerCore(scheduler, () -> HttpLimits.DEFAULTS, () -> events,
                new FileResponder(true));
        server = new StreamFactory(scheduler, StreamSettings.DEFAULTS)
                .listen(ListenOptions.port(0).withHost("127.0.0.1"), core);
    }

    @AfterEach
    void close() {
        server.close();
        scheduler.close();
    }

    @Test
    void theHandlerEndsOnceTheClientHasClosedItsSocket() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /events HTTP/1.1\r\nHost: gw\r\nAccept: text/event-stream\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.equals("data: hello"));
            assertThat(line).isEqualTo("data: hello");
            clock.advance(Duration.ofSeconds(15));
            do {
                line = in.readLine();
            } while (line != null && !line.equals(":"));
            assertThat(line).as("a heartbeat comment after 15 s of silence").isEqualTo(":");
        }
        for (int i = 0; i < 10 && ended.getCount() > 0; i++) {
            clock.advance(Duration.ofSeconds(15));
        }
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("the handler saw the stream closed").isTrue();
    }
}
