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

/**
 * The routes page (every route with its provider bundle and state, from the HTTP server's {@link HttpRuntime}) and
 * the connections page (the listener's totals, each open connection, and the requests per route). Without the
 * runtime service (the HTTP bundle is between two states) the pages say so.
 */
public final class HttpPages {

    private final Supplier<HttpRuntime> runtime;
    private final Pages pages;

    public HttpPages(Supplier<HttpRuntime> runtime, Pages pages) {
        this.runtime = runtime;
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
        pages.send(response, 200, "connections.jte", params);
    }
}
