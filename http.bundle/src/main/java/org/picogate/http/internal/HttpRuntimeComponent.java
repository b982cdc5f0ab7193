package org.picogate.http.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.picogate.http.internal.routing.RouteWhiteboard;
import org.picogate.http.internal.routing.Routing;
import org.picogate.http.runtime.ConnectionDTO;
import org.picogate.http.runtime.HttpRuntime;
import org.picogate.http.runtime.HttpStats;
import org.picogate.http.runtime.RouteDTO;

/**
 * The {@link HttpRuntime} service: the whiteboard's routes, the server's counters and open connections, while both
 * run. Snapshots are taken on demand; the request path only feeds {@link RequestMetrics}.
 */
@Component(service = HttpRuntime.class)
public final class HttpRuntimeComponent implements HttpRuntime {
    private final HttpServerComponent server;
    private final RouteWhiteboard whiteboard;
    private final Bundle bundle;

    @Activate
    public HttpRuntimeComponent(@Reference HttpServerComponent server, @Reference RouteWhiteboard whiteboard,
            BundleContext context) {
        this.server = server;
        this.whiteboard = whiteboard;
        this.bundle = context.getBundle();
    }

    @Override
    public List<RouteDTO> routes() {
        List<RouteDTO> all = new ArrayList<>(whiteboard.routing().describe());
        StaticFiles site = server.site();
        if (site != null) {
            all.add(staticDir(site.prefix()));
            all.sort(Routing.DTO_ORDER);
        }
        return List.copyOf(all);
    }

    /** The server's own static directory ({@code staticDir}), a route of this bundle without a service. */
    private RouteDTO staticDir(String prefix) {
        String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return new RouteDTO(base + "/*", RouteDTO.Kind.STATIC, List.of("GET"), bundle.getSymbolicName(),
                bundle.getBundleId(), -1, 0, RouteDTO.State.SERVED, "");
    }

    @Override
    public HttpStats stats() {
        RequestMetrics metrics = server.metrics();
        return new HttpStats(metrics.counts(), metrics.latencies(), server.connections());
    }

    @Override
    public List<ConnectionDTO> connections() {
        return List.copyOf(server.openConnections());
    }
}
