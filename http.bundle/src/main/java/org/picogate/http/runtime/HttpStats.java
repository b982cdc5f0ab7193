package org.picogate.http.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The HTTP server's counters since it started. Requests are counted once their answer is sent (or their
 * connection given up), by the route that answered them.
 *
 * @param requests the non-zero request counts by route, method and status class
 * @param latencies per route with at least one request, the histogram of the time from the request's first byte to
 *        its answer's last
 * @param connections the listener's connections and bytes (a new {@code port} starts them again from zero)
 */
public record HttpStats(List<RequestCount> requests, List<Latency> latencies, Connections connections) {

    /** The route label of requests that no route answered: 404, 405, redirects, and requests refused as malformed. */
    public static final String UNMATCHED = "(unmatched)";
    /** The route label of requests answered from the server's static directory ({@code staticDir}). */
    public static final String STATIC_DIR = "(static)";
    /** The method label of methods other than GET, HEAD, POST, PUT, DELETE, PATCH and OPTIONS (and of none). */
    public static final String OTHER_METHOD = "OTHER";
    /**
     * The upper bounds of the latency buckets, in seconds, from 100 µs to 10 s; the last bucket, {@code +Inf}, is
     * implied by {@link Latency#count()}.
     */
    public static final List<Double> LATENCY_BUCKETS = List.of(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
            0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    public HttpStats {
        requests = List.copyOf(requests);
        latencies = List.copyOf(latencies);
        Objects.requireNonNull(connections, "connections");
    }

    /** All requests counted. */
    public long totalRequests() {
        return requests.stream().mapToLong(RequestCount::count).sum();
    }

    /**
     * How many requests of one route, method and status class were answered.
     *
     * @param route the route's pattern as in {@link RouteDTO#pattern()}, or {@link #UNMATCHED} or
     *        {@link #STATIC_DIR}
     * @param method the request method (HEAD is counted as itself), or {@link #OTHER_METHOD}
     * @param statusClass {@code 1xx} to {@code 5xx}
     */
    public record RequestCount(String route, String method, String statusClass, long count) {
    }

    /**
     * A latency histogram, as Prometheus keeps one: bucket {@code i} counts the requests that took at most
     * {@code upperBounds.get(i)} seconds (so the counts never decrease), {@code count} all of them.
     *
     * @param route the route, as in {@link RequestCount#route()}
     * @param upperBounds {@link HttpStats#LATENCY_BUCKETS}
     * @param cumulativeCounts per bucket, the requests that took at most its upper bound
     * @param count every request, the {@code +Inf} bucket
     * @param sumSeconds the time all of them took together
     */
    public record Latency(String route, List<Double> upperBounds, List<Long> cumulativeCounts, long count,
            double sumSeconds) {

        public Latency {
            upperBounds = List.copyOf(upperBounds);
            cumulativeCounts = List.copyOf(cumulativeCounts);
            if (upperBounds.size() != cumulativeCounts.size()) {
                throw new IllegalArgumentException(upperBounds.size() + " bounds but " + cumulativeCounts.size()
                        + " counts");
            }
        }
    }

    /**
     * @param open connections open now
     * @param accepted connections accepted since the listener opened
     * @param rejected connections reset at once because {@code maxConnections} were open
     * @param bytesIn bytes read from every connection
     * @param bytesOut bytes written to every connection
     */
    public record Connections(int open, long accepted, long rejected, long bytesIn, long bytesOut) {
        public static final Connections NONE = new Connections(0, 0, 0, 0, 0);
    }
}
