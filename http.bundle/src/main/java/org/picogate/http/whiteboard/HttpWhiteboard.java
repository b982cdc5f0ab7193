package org.picogate.http.whiteboard;

/**
 * The service properties the HTTP server reads from {@code Handler} and {@code App} services (see the package
 * description for how they are served).
 */
public final class HttpWhiteboard {

    /**
     * On a {@code Handler}: the path pattern(s) it serves, such as {@code /hello} or {@code /notes/{id}}
     * ({@code String} or {@code String[]}). A {@code Handler} with neither this nor {@link #REGEX} is the fallback
     * for paths no route matches.
     */
    public static final String ROUTE = "picogate.http.route";

    /** On a {@code Handler}: the methods it answers ({@code String}, {@code String[]}, or comma-separated); GET if absent. */
    public static final String METHODS = "picogate.http.methods";

    /**
     * On a {@code Handler}: Java regular expression(s) matched against the whole decoded path; groups are the
     * parameters ({@code String} or {@code String[]}).
     */
    public static final String REGEX = "picogate.http.regex";

    /**
     * On an {@code App}: a path prefix put before each of its routes, such as {@code /notes}. On an
     * {@code ErrorHandler}: the paths whose errors it answers (all of them without it).
     */
    public static final String PREFIX = "picogate.http.prefix";

    private HttpWhiteboard() {
    }
}
