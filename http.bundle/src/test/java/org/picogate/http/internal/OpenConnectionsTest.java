package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.http.Handler;
import org.picogate.http.runtime.ConnectionDTO;
import org.picogate.http.runtime.ConnectionDTO.Phase;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.StreamServer;
import org.picogate.streams.internal.StreamFactory;
import org.picogate.streams.internal.StreamSettings;

/**
 * The snapshot of open connections ({@link HttpServerCore#describeConnections}) on a real loopback listener: one
 * connection per phase, each with its client's address, the requests it answered, its bytes and its age on the
 * scheduler's (virtual) clock; a closed connection leaves the list.
 */
@Timeout(60) // a guard against a hang only; time is virtual, the polls below end within seconds
class OpenConnectionsTest {
    private final VirtualClock clock = VirtualClock.create().settleTimeout(Duration.ofMillis(50));
    private final TestScheduler scheduler = TestScheduler.start(clock, "open-connections");
    private final Event handlerEntered = scheduler.event();
    private final Event release = scheduler.event();
    /** {@code /slow} waits for {@link #release}; every other path answers at once. */
    private final Handler handler = (request, response) -> {
        if (request.path().equals("/slow")) {
            handlerEntered.set();
            release.await();
        }
        response.send("ok " + request.path());
    };
    private final HttpServerCore core = new HttpServerCore(scheduler, () -> HttpLimits.DEFAULTS, () -> handler,
            new FileResponder(true));
    private StreamServer server;

    @BeforeEach
    void listen() throws Exception {
        server = new StreamFactory(scheduler, StreamSettings.DEFAULTS)
                .listen(ListenOptions.port(0).withHost("127.0.0.1"), core);
    }

    @AfterEach
    void close() {
        release.set();
        server.close();
        scheduler.close();
    }

    @Test
    void eachOpenConnectionIsListedWithItsPhaseRequestsBytesAndAge() throws Exception {
        try (Socket idle = new Socket("127.0.0.1", server.port());
                Socket fresh = new Socket("127.0.0.1", server.port());
                Socket busy = new Socket("127.0.0.1", server.port())) {
            byte[] first = get("/a");
            byte[] second = get("/bb");
            send(idle, first);
            long answered = readReply(idle);
            send(idle, second);
            answered += readReply(idle);
            send(busy, get("/slow"));
            handlerEntered.await();
            List<ConnectionDTO> open = await(all -> all.size() == 3
                    && phaseOf(all, idle) == Phase.IDLE && phaseOf(all, fresh) == Phase.NEW);

            clock.advance(Duration.ofSeconds(5)); // all three were accepted at virtual time 0
            open = core.describeConnections(server.port(), false);

            ConnectionDTO i = of(open, idle);
            assertThat(i.localPort()).isEqualTo(server.port());
            assertThat(i.requests()).isEqualTo(2);
            assertThat(i.bytesIn()).isEqualTo(first.length + second.length);
            assertThat(i.bytesOut()).isEqualTo(answered);
            assertThat(i.tls()).isFalse();
            ConnectionDTO f = of(open, fresh);
            assertThat(f.phase()).isEqualTo(Phase.NEW);
            assertThat(f.requests()).isZero();
            assertThat(f.bytesIn()).isZero();
            assertThat(f.bytesOut()).isZero();
            ConnectionDTO b = of(open, busy);
            assertThat(b.phase()).isEqualTo(Phase.BUSY);
            assertThat(b.requests()).as("the request being served is not counted yet").isZero();
            assertThat(b.bytesIn()).isEqualTo(get("/slow").length);
            assertThat(open).extracting(ConnectionDTO::age).containsOnly(Duration.ofSeconds(5));

            release.set();
            readReply(busy);
            await(all -> phaseOf(all, busy) == Phase.IDLE);
            assertThat(of(core.describeConnections(server.port(), false), busy).requests()).isEqualTo(1);

            idle.close();
            assertThat(await(all -> all.size() == 2)).extracting(ConnectionDTO::remoteAddress)
                    .containsExactlyInAnyOrder(address(fresh), address(busy));
        }
        assertThat(await(List::isEmpty)).isEmpty();
    }

    @Test
    void theListIsOldestFirstAndTheAddressHasNoLeadingSlash() throws Exception {
        try (Socket older = new Socket("127.0.0.1", server.port())) {
            await(all -> all.size() == 1);
            clock.advance(Duration.ofSeconds(2));
            try (Socket newer = new Socket("127.0.0.1", server.port())) {
                List<ConnectionDTO> open = await(all -> all.size() == 2);
                open.sort(HttpServerComponent.OLDEST_FIRST);
                assertThat(open).extracting(ConnectionDTO::remoteAddress)
                        .containsExactly(address(older), address(newer));
                assertThat(open).extracting(ConnectionDTO::age)
                        .containsExactly(Duration.ofSeconds(2), Duration.ZERO);
                assertThat(address(older)).startsWith("127.0.0.1:");
            }
        }
    }

    private static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: gw\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void send(Socket socket, byte[] request) throws IOException {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
    }

    /** Reads one length-delimited answer; returns its size in bytes, head included. */
    private static long readReply(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the answer's head").isNotNegative();
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        assertThat(text).startsWith("HTTP/1.1 200 ");
        int length = Integer.parseInt(text.replaceAll("(?is).*\r\ncontent-length: *(\\d+)\r\n.*", "$1"));
        assertThat(in.readNBytes(length)).hasSize(length);
        return head.size() + length;
    }

    /** The client's own address as the server sees it. */
    private static String address(Socket client) {
        return "127.0.0.1:" + client.getLocalPort();
    }

    private static ConnectionDTO of(List<ConnectionDTO> open, Socket client) {
        return open.stream().filter(c -> c.remoteAddress().equals(address(client))).findFirst().orElseThrow();
    }

    private static Phase phaseOf(List<ConnectionDTO> open, Socket client) {
        return open.stream().filter(c -> c.remoteAddress().equals(address(client))).map(ConnectionDTO::phase)
                .findFirst().orElse(null);
    }

    /**
     * The snapshot once it satisfies {@code condition}: the server's tasks accept and turn idle in real time, after
     * the client has seen what it waits for.
     */
    private List<ConnectionDTO> await(Predicate<List<ConnectionDTO>> condition) throws InterruptedException {
        List<ConnectionDTO> open = core.describeConnections(server.port(), false);
        for (int i = 0; i < 1000 && !condition.test(open); i++) {
            Thread.sleep(10);
            open = core.describeConnections(server.port(), false);
        }
        assertThat(condition).as("snapshot %s", open).accepts(open);
        return open;
    }
}
