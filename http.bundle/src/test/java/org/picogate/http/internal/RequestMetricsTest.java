package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.internal.routing.RouteProvider;
import org.picogate.http.internal.routing.Routing;
import org.picogate.http.runtime.HttpStats;
import org.picogate.http.runtime.HttpStats.Latency;
import org.picogate.http.runtime.HttpStats.RequestCount;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.Stream;
import org.picogate.streams.testing.Pipe;

/** The request counters and latency histograms: buckets, labels, and counting through the connection loop. */
@Timeout(30) // a guard against a hang only; time is virtual
class RequestMetricsTest {
    private final RequestMetrics metrics = new RequestMetrics();

    @Test
    void aDurationFallsInTheFirstBucketWhoseBoundItDoesNotExceed() {
        assertThat(RequestMetrics.bucket(0)).isEqualTo(0);
        assertThat(RequestMetrics.bucket(100_000)).isEqualTo(0); // exactly 100 µs: le="0.0001"
        assertThat(RequestMetrics.bucket(100_001)).isEqualTo(1);
        assertThat(RequestMetrics.bucket(1_000_000_000)).isEqualTo(HttpStats.LATENCY_BUCKETS.indexOf(1.0));
        assertThat(RequestMetrics.bucket(10_000_000_000L)).isEqualTo(HttpStats.LATENCY_BUCKETS.size() - 1);
        assertThat(RequestMetrics.bucket(10_000_000_001L)).isEqualTo(HttpStats.LATENCY_BUCKETS.size()); // +Inf
    }

    @Test
    void bucketsAreCumulativeAndTheCountIsThePlusInfBucket() {
        metrics.record("/a", "GET", 200, 50_000); // 50 µs
        metrics.record("/a", "GET", 200, 3_000_000); // 3 ms
        metrics.record("/a", "GET", 200, 20_000_000_000L); // 20 s: beyond the last bound

        Latency a = metrics.latencies().get(0);
        assertThat(a.route()).isEqualTo("/a");
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.sumSeconds()).isCloseTo(20.00305, org.assertj.core.data.Offset.offset(1e-9));
        List<Long> c = a.cumulativeCounts();
        assertThat(c.get(HttpStats.LATENCY_BUCKETS.indexOf(0.0001))).isEqualTo(1);
        assertThat(c.get(HttpStats.LATENCY_BUCKETS.indexOf(0.0025))).isEqualTo(1);
        assertThat(c.get(HttpStats.LATENCY_BUCKETS.indexOf(0.005))).isEqualTo(2);
        assertThat(c.get(c.size() - 1)).isEqualTo(2); // le="10"; the 20 s one only in +Inf (count)
        for (int i = 1; i < c.size(); i++) {
            assertThat(c.get(i)).isGreaterThanOrEqualTo(c.get(i - 1));
        }
    }

    @Test
    void requestsAreCountedByRouteMethodAndStatusClass() {
        metrics.record("/a", "GET", 200, 1);
        metrics.record("/a", "GET", 204, 1);
        metrics.record("/a", "POST", 503, 1);
        metrics.record("/a", "BREW", 404, 1); // any other method: OTHER, so clients cannot grow the label set
        metrics.record(null, null, 400, 1); // refused before the method was known
        metrics.record("/a", "GET", 999, 1); // never sent; kept within the five classes

        assertThat(metrics.counts()).containsExactly(
                new RequestCount(HttpStats.UNMATCHED, "OTHER", "4xx", 1),
                new RequestCount("/a", "GET", "2xx", 2),
                new RequestCount("/a", "GET", "5xx", 1),
                new RequestCount("/a", "POST", "5xx", 1),
                new RequestCount("/a", "OTHER", "4xx", 1));
        assertThat(metrics.latencies()).extracting(Latency::route).containsExactly(HttpStats.UNMATCHED, "/a");
    }

    @Test
    void theConnectionLoopCountsEachRequestByTheRouteThatAnsweredIt() throws Exception {
        VirtualClock clock = VirtualClock.create().settleTimeout(Duration.ofMillis(20));
        try (TestScheduler scheduler = TestScheduler.start(clock, "metrics")) {
            Routing routing = new Routing(scheduler, Duration.ofSeconds(2));
            routing.addApp(new RouteProvider(1, 0, "app", 5), "/notes", routes -> routes
                    .get("/{id}", (request, response) -> response.send("note\n"))
                    .post("/", (request, response) -> response.status(201).send("made\n")));
            Handler dispatch = (request, response) -> routing.handle(request, response, (rq, rs) -> {
                throw new HttpException(404, "Not Found");
            });
            HttpServerCore core = new HttpServerCore(scheduler, () -> HttpLimits.DEFAULTS, () -> dispatch,
                    new FileResponder(true), () -> null, metrics);
            Pipe pipe = Pipe.open(scheduler);
            Task<Object> server = scheduler.spawn("connection", () -> {
                core.handle(pipe.right());
                return null;
            });
            Stream client = pipe.left();
            send(client, "GET /notes/7 HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(statusOf(client)).isEqualTo(200);
            send(client, "POST /notes/ HTTP/1.1\r\nHost: t\r\n"); // the rest of the head 30 ms later
            clock.advance(Duration.ofMillis(30));
            send(client, "Content-Length: 0\r\n\r\n");
            assertThat(statusOf(client)).isEqualTo(201);
            send(client, "GET /nothing HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(statusOf(client)).isEqualTo(404);
            send(client, "GET /bad\tpath HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(statusOf(client)).isEqualTo(400);
            pipe.close();
            server.cancel();
        }

        assertThat(metrics.counts()).containsExactly(
                new RequestCount(HttpStats.UNMATCHED, "GET", "4xx", 1),
                new RequestCount(HttpStats.UNMATCHED, "OTHER", "4xx", 1), // the refused request line
                new RequestCount("/notes/", "POST", "2xx", 1),
                new RequestCount("/notes/{id}", "GET", "2xx", 1));
        Latency post = metrics.latencies().stream().filter(l -> l.route().equals("/notes/")).findFirst().orElseThrow();
        assertThat(post.sumSeconds()).isEqualTo(0.03); // on the scheduler's clock, from the first byte
        assertThat(post.cumulativeCounts().get(HttpStats.LATENCY_BUCKETS.indexOf(0.025))).isZero();
        assertThat(post.cumulativeCounts().get(HttpStats.LATENCY_BUCKETS.indexOf(0.05))).isEqualTo(1);
    }

    private static void send(Stream client, String raw) throws IOException {
        client.write(raw.getBytes(StandardCharsets.US_ASCII));
        client.drain();
    }

    /** Reads one answer (head and its Content-Length body) and returns its status. */
    private static int statusOf(Stream client) throws IOException {
        String status = client.readLine(1000);
        int length = 0;
        for (String line = client.readLine(8000); !line.isEmpty(); line = client.readLine(8000)) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        client.readExactly(length);
        return Integer.parseInt(status.substring(9, 12));
    }
}
