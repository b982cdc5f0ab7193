package org.picogate.bench.handler;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.picogate.http.Handler;
import org.picogate.http.Request;
import org.picogate.http.Response;
import org.picogate.http.whiteboard.Route;

/**
 * {@code GET /bench/json}: a small object as JSON through {@link Response#json(Object)}, the dynamic route of
 * bench/run-http.sh. A new record per request, which jackson-jr serialises each time (nothing is cached).
 */
@Component(service = Handler.class)
@Route("/bench/json")
public class JsonReading implements Handler {

    /** What a sensor gateway might answer. */
    public record Reading(String sensor, long time, double celsius, boolean ok) {
    }

    @Override
    public void handle(Request request, Response response) throws IOException {
        response.json(new Reading("sensor-7", System.currentTimeMillis(), 22.5, true));
    }
}
