package org.picogate.http;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A web application with many routes (a picoweb app), offered as a service: the server calls {@link #routes}
 * once when the service appears and serves the routes until it goes. The service property
 * {@code picogate.http.prefix} (optional) puts every route under a path prefix.
 */
@ConsumerType
@FunctionalInterface
public interface App {
    void routes(Routes routes);
}
