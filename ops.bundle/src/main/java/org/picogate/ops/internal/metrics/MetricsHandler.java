package org.picogate.ops.internal.metrics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.picogate.http.Handler;
import org.picogate.http.Request;
import org.picogate.http.Response;
import org.picogate.http.runtime.HttpRuntime;
import org.picogate.scheduler.Scheduler;

/**
 * Answers a scrape: every metric family in the Prometheus text format 0.0.4, gathered at the time of the request.
 */
public final class MetricsHandler implements Handler {
    private final HttpRuntime http;
    private final Scheduler scheduler;
    private final ProcessMetrics process = new ProcessMetrics(Path.of("/proc/self"));

    public MetricsHandler(HttpRuntime http, Scheduler scheduler) {
        this.http = http;
        this.scheduler = scheduler;
    }

    @Override
    public void handle(Request request, Response response) throws Exception {
        response.contentType(Exposition.CONTENT_TYPE).header("Cache-Control", "no-store");
        response.send(scrape().getBytes(StandardCharsets.UTF_8));
    }

    /** The whole exposition. */
    String scrape() {
        Exposition out = new Exposition();
        HttpMetrics.write(out, http.stats());
        SchedulerMetrics.write(out, scheduler.stats());
        JvmMetrics.write(out);
        process.write(out);
        return out.toString();
    }
}
