package org.picogate.http.internal.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.picogate.http.Handler;
import org.picogate.http.internal.FileResponder;
import org.picogate.http.internal.HttpLimits;
import org.picogate.http.internal.HttpServerCore;
import org.picogate.http.internal.robustness.WireExchange.End;
import org.picogate.http.internal.robustness.WireExchange.Reply;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.StreamServer;
import org.picogate.streams.internal.StreamFactory;
import org.picogate.streams.internal.StreamSettings;

/**
 * Hostile and malformed requests ({@link RobustnessCases}) against the real server over a real loopback socket:
 * {@link HttpServerCore} on a {@link StreamFactory} listener, as the gateway runs it. For each row the client
 * writes the raw bytes, reads the answers and checks their statuses in order, then checks the connection: closed
 * by the server (no byte more: a smuggled request gets no answer), or still serving (a well-formed request on it
 * is answered). Afterwards a fresh connection must still be served. Time is virtual, so no timeout of the server
 * fires while a row runs; the tests wait on the wire only.
 */
@Timeout(120) // only so that a hang fails the build instead of stalling it; nothing here measures wall time
class HttpRobustnessTest {
    static final long MAX_BODY = 4096;
    private static final byte[] PROBE = "GET /probe HTTP/1.1\r\nHost: gw\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static VirtualClock clock;
    private static TestScheduler scheduler;
    private static StreamServer server;

    @BeforeAll
    static void listen() throws IOException {
        clock = VirtualClock.create().settleTimeout(Duration.ofMillis(50));
        scheduler = TestScheduler.start(clock, "http-robustness");
        HttpLimits d = HttpLimits.DEFAULTS;
        HttpLimits limits = new HttpLimits(d.maxRequestLine(), d.maxHeaderBytes(), d.maxHeaders(), MAX_BODY,
                d.headerTimeout(), d.idleTimeout(), d.maxRequestsPerConnection());
        Handler echo = (request, response) -> {
            byte[] body = request.body();
            response.send(request.method() + " " + request.path() + " " + body.length);
        };
        HttpServerCore core = new HttpServerCore(scheduler, () -> limits, () -> echo, new FileResponder(true));
        server = new StreamFactory(scheduler, StreamSettings.DEFAULTS)
                .listen(ListenOptions.port(0).withHost("127.0.0.1"), core);
    }

    @AfterAll
    static void close() {
        server.close();
        scheduler.close();
    }

    static Stream<RobustnessCase> cases() {
        return RobustnessCases.all().stream();
    }

    @Test
    void theTableHasAtLeastSixtyCasesWithDistinctNames() {
        List<RobustnessCase> all = RobustnessCases.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        assertThat(all.stream().map(c -> c.name)).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theServerAnswersAsTheRfcSays(RobustnessCase c) throws IOException {
        try (WireExchange wire = new WireExchange(server.port())) {
            wire.send(c.raw);
            if (c.halfClose) {
                wire.shutdownOutput();
            }
            List<Reply> replies = wire.readAll(c.statuses.length);
            assertThat(replies.stream().mapToInt(Reply::status).toArray()).as("statuses of the answers")
                    .containsExactly(c.statuses);
            if (c.firstBody != null) {
                assertThat(replies.get(0).text()).as("how the first request was framed").isEqualTo(c.firstBody);
            }
            if (c.closes) {
                assertThat(wire.endAfterReplies()).as("the server closed the connection").isEqualTo(End.CLOSED);
                for (Reply r : replies) {
                    if (r.status() >= 400) {
                        assertThat(r.saysClose()).as("an error answer says Connection: close").isTrue();
                    }
                }
            } else {
                assertThat(replies).allSatisfy(r -> assertThat(r.saysClose()).isFalse());
                wire.send(PROBE);
                Reply probe = wire.read();
                assertThat(probe).as("the connection still serves requests").isNotNull();
                assertThat(probe.status()).isEqualTo(200);
                assertThat(probe.text()).isEqualTo("GET /probe 0");
            }
        }
        try (WireExchange fresh = new WireExchange(server.port())) {
            fresh.send(PROBE);
            Reply probe = fresh.read();
            assertThat(probe).as("a fresh connection is served afterwards").isNotNull();
            assertThat(probe.status()).isEqualTo(200);
        }
    }
}
