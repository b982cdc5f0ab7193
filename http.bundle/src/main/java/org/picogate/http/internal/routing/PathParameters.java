package org.picogate.http.internal.routing;

import java.util.Map;

/** A request that takes the parameters of the route that matched it (read back with {@code Request.param}). */
public interface PathParameters {

    /** Sets the parameters, by name; the map is not copied and must not change afterwards. */
    void pathParameters(Map<String, String> values);

    /**
     * Notes the label of the route that answers the request (its pattern as {@code picogate:routes} shows it), by
     * which the request is counted in the server's metrics.
     */
    default void matched(String routeLabel) {
    }
}
