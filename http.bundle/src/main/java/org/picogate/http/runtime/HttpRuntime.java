package org.picogate.http.runtime;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The HTTP server's routes, counters and open connections, as a service. Each call takes a fresh snapshot;
 * taking one costs work proportional to the routes (or connections), never anything on the request path.
 */
@ProviderType
public interface HttpRuntime {

    /**
     * Every route a {@code Handler} or {@code App} service declared (served, shadowed or failed), the routes that
     * are vacant while waiting for a replacement, and the server's static directory when one is configured;
     * sorted by pattern, then method, then service id.
     */
    List<RouteDTO> routes();

    /** The request counters, latency histograms, connections and bytes since the server started. */
    HttpStats stats();

    /**
     * The HTTP connections open now, of the listener in force and of those still retiring after a port change;
     * oldest first. Taking the snapshot costs work proportional to the open connections, nothing on the request
     * path.
     *
     * @since 1.1
     */
    List<ConnectionDTO> connections();
}
