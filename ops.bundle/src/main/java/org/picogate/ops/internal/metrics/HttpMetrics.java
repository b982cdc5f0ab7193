package org.picogate.ops.internal.metrics;

import java.math.BigDecimal;
import java.util.List;

import org.picogate.http.runtime.HttpStats;
import org.picogate.http.runtime.HttpStats.Latency;
import org.picogate.http.runtime.HttpStats.RequestCount;
import org.picogate.ops.internal.metrics.Exposition.Type;

/** The HTTP server's counters ({@code HttpRuntime.stats()}) as metric families. */
final class HttpMetrics {
    private HttpMetrics() {
    }

    /** A bucket bound as Prometheus' Go client writes it: plain decimal, no trailing zeros ({@code 0.0001}, {@code 1}). */
    static String le(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }

    static void write(Exposition out, HttpStats stats) {
        out.family("picogate_http_requests_total", Type.COUNTER,
                "HTTP requests answered, by route pattern, method and status class");
        for (RequestCount c : stats.requests()) {
            out.sample("", c.count(), "route", c.route(), "method", c.method(), "status", c.statusClass());
        }
        out.family("picogate_http_request_duration_seconds", Type.HISTOGRAM,
                "Time from a request's first byte to its answer's last, by route pattern");
        for (Latency l : stats.latencies()) {
            List<Double> bounds = l.upperBounds();
            for (int i = 0; i < bounds.size(); i++) {
                out.sample("_bucket", l.cumulativeCounts().get(i), "route", l.route(), "le", le(bounds.get(i)));
            }
            out.sample("_bucket", l.count(), "route", l.route(), "le", "+Inf");
            out.sample("_sum", l.sumSeconds(), "route", l.route());
            out.sample("_count", l.count(), "route", l.route());
        }
        HttpStats.Connections c = stats.connections();
        out.family("picogate_http_connections_open", Type.GAUGE, "HTTP connections open now").sample(c.open());
        out.family("picogate_http_connections_accepted_total", Type.COUNTER,
                "HTTP connections accepted since the listener opened").sample(c.accepted());
        out.family("picogate_http_connections_rejected_total", Type.COUNTER,
                "HTTP connections reset at once because maxConnections were open").sample(c.rejected());
        out.family("picogate_http_received_bytes_total", Type.COUNTER, "Bytes read from HTTP connections")
                .sample(c.bytesIn());
        out.family("picogate_http_sent_bytes_total", Type.COUNTER, "Bytes written to HTTP connections")
                .sample(c.bytesOut());
    }
}
