package org.picogate.http.runtime;

import java.util.List;
import java.util.Objects;

/**
 * One route as the server knows it: what it matches, who provides it and whether it is served.
 *
 * @param pattern the path pattern ({@code /notes/{id}}), the regex prefixed with {@code ~}, the static prefix
 *        followed by {@code /*} for static files, or {@code *} for the fallback
 * @param kind how it matches
 * @param methods the methods it answers (a GET route answers HEAD too, not listed); {@code *} for the fallback
 * @param bundle the symbolic name of the bundle that registered the providing service
 * @param bundleId that bundle's id, {@code -1} when unknown (a vacancy has no provider)
 * @param serviceId the providing service's {@code service.id}, {@code -1} for a vacancy or the server's own static
 *        directory
 * @param ranking the providing service's {@code service.ranking}
 * @param state whether it is served
 * @param reason empty when served; else why not: the service that shadows it, how long it stays vacant, or why it
 *        failed (a malformed pattern, a bad regex, a route declared twice)
 */
public record RouteDTO(String pattern, Kind kind, List<String> methods, String bundle, long bundleId,
        long serviceId, int ranking, State state, String reason) {

    public RouteDTO {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(kind, "kind");
        methods = List.copyOf(methods);
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    /** How a route matches a request path. */
    public enum Kind {
        /** Literal segments only. */
        EXACT,
        /** Literal segments and {@code {name}} parameters. */
        PARAM,
        /** A Java regular expression over the whole decoded path. */
        REGEX,
        /** Files of a directory under a prefix ({@code Routes.statics}, or the server's {@code staticDir}). */
        STATIC,
        /** The fallback: a {@code Handler} service without route, for paths nothing else matches. */
        FALLBACK
    }

    /** Whether a route answers requests. */
    public enum State {
        /** It answers its requests. */
        SERVED,
        /** Another service with a higher ranking (or the same, and a lower service id) serves the same route. */
        SHADOWED,
        /** Its last provider went: requests wait for a replacement until the swap grace ends. */
        VACANT,
        /** It could not be served; {@code reason} says why. */
        FAILED
    }
}
