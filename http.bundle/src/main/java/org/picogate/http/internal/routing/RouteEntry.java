package org.picogate.http.internal.routing;

import org.picogate.http.Handler;

/**
 * One route as a provider declared it: a method (upper case as sent on the wire), what it matches, the handler.
 * For the fallback (a {@code Handler} service without route), {@code pattern} is {@code null}.
 */
public record RouteEntry(String method, RoutePattern pattern, Handler handler, RouteProvider provider)
        implements Slot {

    /** The key two competing routes share: method and pattern shape. */
    /** The route's label ({@link RoutePattern#label()}), {@code *} for the fallback. */
    String label() {
        return pattern == null ? "*" : pattern.label();
    }

    String key() {
        return method + " " + (pattern == null ? "*" : pattern.key());
    }
}
