package org.picogate.http.internal.routing;

/** What a route matches: a {@link PathPattern} (exact or with parameters) or a {@link RegexPattern}. */
public sealed interface RoutePattern permits PathPattern, RegexPattern {

    /** As declared. */
    String source();

    /** Equal for patterns that match the same paths the same way: two routes with one key compete by ranking. */
    String key();
}
