package org.picogate.ops.internal.health;

import org.picogate.http.Handler;
import org.picogate.http.Request;
import org.picogate.http.Response;

/** Answers {@code /health}: 200 with the JSON when healthy, 503 with the same JSON, reasons listed, when not. */
public final class HealthHandler implements Handler {
    private final HealthCheck check;

    public HealthHandler(HealthCheck check) {
        this.check = check;
    }

    @Override
    public void handle(Request request, Response response) throws Exception {
        Health health = check.check();
        response.status(health.healthy() ? 200 : 503).header("Cache-Control", "no-store");
        response.json(health.toJson());
    }
}
