package org.picogate.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.picogate.http.runtime.HttpStats;
import org.picogate.http.runtime.HttpStats.Latency;
import org.picogate.http.runtime.HttpStats.RequestCount;

/**
 * Request counters by route, method and status class, and a latency histogram per route. {@link #record} runs
 * once per request on the connection's task: a lookup of the route label (a string whose hash is cached) in a
 * concurrent map and {@link LongAdder} increments, so no lock and no allocation once the route has been seen.
 * Route labels are the declared patterns (plus two constants), so their number is bounded by the routes ever
 * declared; counters of a route that went stay, as Prometheus counters should.
 */
public final class RequestMetrics {
    /** The methods counted by name, in label order; every other one is {@link HttpStats#OTHER_METHOD}. */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
            HttpStats.OTHER_METHOD);
    private static final int STATUS_CLASSES = 5;
    private static final long[] BOUNDS_NANOS = HttpStats.LATENCY_BUCKETS.stream()
            .mapToLong(seconds -> Math.round(seconds * 1e9)).toArray();

    private final Map<String, RouteCounters> routes = new ConcurrentHashMap<>();

    /**
     * Counts one answered (or given up) request.
     *
     * @param route the label of the route that answered it, or {@code null} if none did
     * @param method the request method, or {@code null} for a request refused before its method was known
     * @param status the status sent
     * @param nanos from its first byte to its answer's last
     */
    public void record(String route, String method, int status, long nanos) {
        String label = route == null ? HttpStats.UNMATCHED : route;
        RouteCounters counters = routes.get(label);
        if (counters == null) {
            counters = routes.computeIfAbsent(label, k -> new RouteCounters());
        }
        counters.requests[methodIndex(method) * STATUS_CLASSES + statusClassIndex(status)].increment();
        counters.buckets[bucket(nanos)].increment();
        counters.sumNanos.add(Math.max(0, nanos));
    }

    /** The method's index in {@link #METHODS}; a string switch compares cached hashes, then equals: no garbage. */
    static int methodIndex(String method) {
        if (method == null) {
            return METHODS.size() - 1;
        }
        return switch (method) {
            case "GET" -> 0;
            case "HEAD" -> 1;
            case "POST" -> 2;
            case "PUT" -> 3;
            case "DELETE" -> 4;
            case "PATCH" -> 5;
            case "OPTIONS" -> 6;
            default -> 7;
        };
    }

    /** 0 for 1xx to 4 for 5xx; a status outside 100-599 (never sent) would count as 5xx. */
    static int statusClassIndex(int status) {
        int c = status / 100 - 1;
        return c < 0 || c >= STATUS_CLASSES ? STATUS_CLASSES - 1 : c;
    }

    /** The first bucket whose upper bound is at least {@code nanos}; {@code BOUNDS_NANOS.length} is +Inf. */
    static int bucket(long nanos) {
        int i = 0;
        while (i < BOUNDS_NANOS.length && nanos > BOUNDS_NANOS[i]) {
            i++;
        }
        return i;
    }

    /** The non-zero counts, sorted by route, then method and status class. */
    public List<RequestCount> counts() {
        List<RequestCount> all = new ArrayList<>();
        new TreeMap<>(routes).forEach((route, counters) -> {
            for (int m = 0; m < METHODS.size(); m++) {
                for (int s = 0; s < STATUS_CLASSES; s++) {
                    long n = counters.requests[m * STATUS_CLASSES + s].sum();
                    if (n > 0) {
                        all.add(new RequestCount(route, METHODS.get(m), (s + 1) + "xx", n));
                    }
                }
            }
        });
        return all;
    }

    /** Per route with requests, its histogram with cumulative buckets; sorted by route. */
    public List<Latency> latencies() {
        List<Latency> all = new ArrayList<>();
        new TreeMap<>(routes).forEach((route, counters) -> {
            List<Long> cumulative = new ArrayList<>(BOUNDS_NANOS.length);
            long running = 0;
            for (int i = 0; i < BOUNDS_NANOS.length; i++) {
                running += counters.buckets[i].sum();
                cumulative.add(running);
            }
            long count = running + counters.buckets[BOUNDS_NANOS.length].sum();
            if (count > 0) {
                all.add(new Latency(route, HttpStats.LATENCY_BUCKETS, cumulative, count,
                        counters.sumNanos.sum() / 1e9));
            }
        });
        return all;
    }

    /** One route's counters: per method and status class, and per latency bucket (not cumulative). */
    private static final class RouteCounters {
        final LongAdder[] requests = adders(METHODS.size() * STATUS_CLASSES);
        final LongAdder[] buckets = adders(BOUNDS_NANOS.length + 1);
        final LongAdder sumNanos = new LongAdder();

        private static LongAdder[] adders(int n) {
            LongAdder[] a = new LongAdder[n];
            for (int i = 0; i < n; i++) {
                a[i] = new LongAdder();
            }
            return a;
        }
    }
}
