package org.picogate.http.internal.routing;

/** What a route matches: a {@link PathPattern} (exact or with parameters) or a {@link RegexPattern}. */
public sealed interface RoutePattern permits PathPattern, RegexPattern {

    /** As declared. */
    String source();

    /** Equal for patterns that match the same paths the same way: two routes with one key compete by ranking. */
    String key();

    /**
     * How people and metrics name the route: the path pattern as declared, {@code ~regex}, or {@code prefix/*} for
     * static files. Computed once: read by every request.
     */
    String label();
}
