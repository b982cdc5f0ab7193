package org.picogate.console.internal.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.picogate.http.Request;
import org.picogate.http.Response;
import org.picogate.http.runtime.ConnectionDTO;
import org.picogate.http.runtime.HttpRuntime;
import org.picogate.http.runtime.HttpStats;
import org.picogate.http.runtime.RouteDTO;
import org.picogate.streams.runtime.StreamServiceRuntime;
import org.picogate.streams.runtime.StreamsSnapshot;

/**
 * The routes page (every route with its provider bundle and state, from the HTTP server's {@link HttpRuntime}) and
 * the connections page: the HTTP listener's totals, each open HTTP connection and the requests per route, then the
 * stream servers (the HTTP listener among them, with every server an app opened through {@code StreamService}) with
 * their connections, and the client streams, from the {@link StreamServiceRuntime}. Without one of the runtime
 * services (its bundle is between two states) its part of the page says so and the rest is shown.
 */
public final class HttpPages {

    private final Supplier<HttpRuntime> runtime;
    private final Supplier<StreamServiceRuntime> streams;
    private final Pages pages;

    public HttpPages(Supplier<HttpRuntime> runtime, Supplier<StreamServiceRuntime> streams, Pages pages) {
        this.runtime = runtime;
        this.streams = streams;
        this.pages = pages;
    }

    public void routes(Request request, Response response, Caller caller) throws Exception {
        HttpRuntime http = runtime.get();
        Map<String, Object> params = new HashMap<>();
        params.put("frame", Frame.of("Routes", "routes", caller));
        params.put("available", http != null);
        params.put("routes", http == null ? List.<RouteDTO>of() : http.routes());
        pages.send(response, 200, "routes.jte", params);
    }

    public void connections(Request request, Response response, Caller caller) throws Exception {
        HttpRuntime http = runtime.get();
        HttpStats stats = http == null ? null : http.stats();
        Map<String, Object> params = new HashMap<>();
        params.put("frame", Frame.of("Connections", "connections", caller));
        params.put("available", stats != null);
        params.put("connections", stats == null ? HttpStats.Connections.NONE : stats.connections());
        params.put("open", http == null ? List.<ConnectionDTO>of() : http.connections());
        params.put("requests", stats == null ? List.<HttpStats.RequestCount>of() : stats.requests());
        StreamServiceRuntime streamService = streams.get();
        params.put("streamsAvailable", streamService != null);
        params.put("streams", streamService == null ? StreamsSnapshot.EMPTY : streamService.snapshot());
        pages.send(response, 200, "connections.jte", params);
    }
}
