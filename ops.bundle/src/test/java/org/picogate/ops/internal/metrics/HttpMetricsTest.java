package org.picogate.ops.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.picogate.http.runtime.HttpStats;
import org.picogate.http.runtime.HttpStats.Latency;
import org.picogate.http.runtime.HttpStats.RequestCount;

/** The HTTP families: counters by label, the histogram's buckets, sum and count. */
class HttpMetricsTest {

    @Test
    void histogramBucketsAreCumulativeWithPlusInfAndBoundsInPlainDecimal() {
        List<Double> bounds = HttpStats.LATENCY_BUCKETS;
        List<Long> cumulative = new java.util.ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            cumulative.add(i < 3 ? 1L : 2L);
        }
        HttpStats stats = new HttpStats(List.of(new RequestCount("/a/{id}", "GET", "2xx", 3)),
                List.of(new Latency("/a/{id}", bounds, cumulative, 3, 12.5)),
                new HttpStats.Connections(2, 10, 1, 1000, 2000));
        Exposition out = new Exposition();
        HttpMetrics.write(out, stats);
        String text = out.toString();

        assertThat(text).contains("# TYPE picogate_http_requests_total counter\n"
                + "picogate_http_requests_total{route=\"/a/{id}\",method=\"GET\",status=\"2xx\"} 3\n");
        assertThat(text).contains("# TYPE picogate_http_request_duration_seconds histogram\n"
                + "picogate_http_request_duration_seconds_bucket{route=\"/a/{id}\",le=\"0.0001\"} 1\n");
        assertThat(text).contains("_bucket{route=\"/a/{id}\",le=\"0.0005\"} 1\n"
                + "picogate_http_request_duration_seconds_bucket{route=\"/a/{id}\",le=\"0.001\"} 2\n");
        assertThat(text).contains("_bucket{route=\"/a/{id}\",le=\"10\"} 2\n"
                + "picogate_http_request_duration_seconds_bucket{route=\"/a/{id}\",le=\"+Inf\"} 3\n"
                + "picogate_http_request_duration_seconds_sum{route=\"/a/{id}\"} 12.5\n"
                + "picogate_http_request_duration_seconds_count{route=\"/a/{id}\"} 3\n");
        assertThat(text).contains("picogate_http_connections_open 2\n", "picogate_http_connections_accepted_total 10\n",
                "picogate_http_connections_rejected_total 1\n", "picogate_http_received_bytes_total 1000\n",
                "picogate_http_sent_bytes_total 2000\n");
    }

    @Test
    void bucketBoundsAreWrittenLikeTheGoClient() {
        assertThat(HttpMetrics.le(0.00025)).isEqualTo("0.00025");
        assertThat(HttpMetrics.le(1.0)).isEqualTo("1");
        assertThat(HttpMetrics.le(2.5)).isEqualTo("2.5");
        assertThat(HttpMetrics.le(10.0)).isEqualTo("10");
    }
}
