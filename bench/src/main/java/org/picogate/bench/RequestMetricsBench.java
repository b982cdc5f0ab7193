package org.picogate.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.picogate.http.internal.RequestMetrics;

/**
 * What the HTTP server adds to each request for its metrics ({@code HttpRuntime.stats()}, {@code /metrics}): one
 * {@link RequestMetrics#record} call (route label lookup, three {@code LongAdder} increments, the histogram's
 * bucket search) and the second clock read it needs, {@code System.nanoTime()}. Run with {@code -prof gc}: the
 * allocation per call must be 0 B.
 * <ul>
 * <li>{@code record}: one thread, 20 route labels (the usual app), a latency of 200 µs;</li>
 * <li>{@code recordContended}: the same from two threads on one route (the two cores of the machine, one route
 * hot), where the adders spread over cells;</li>
 * <li>{@code nanoTime}: the clock read alone, for scale.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RequestMetricsBench {
    private final RequestMetrics metrics = new RequestMetrics();
    private final String[] routes = new String[20];
    private int next;

    @Setup
    public void routes() {
        for (int i = 0; i < routes.length; i++) {
            routes[i] = "/api/v1/thing" + i + "/{id}";
            metrics.record(routes[i], "GET", 200, 1); // seen once, as after a route's first request
        }
    }

    @Benchmark
    public void record() {
        String route = routes[next++ % routes.length];
        metrics.record(route, "GET", 200, 200_000);
    }

    @Benchmark
    @Threads(2)
    public void recordContended() {
        metrics.record(routes[0], "GET", 200, 200_000);
    }

    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }
}
