package org.picogate.http.internal.routing;

import java.util.Map;

/** The outcome of looking a request up in a {@link Router}. */
public sealed interface Lookup {

    /** A route serves it, with these parameters. */
    record Found(RouteEntry route, Map<String, String> params) implements Lookup {
    }

    /** The route for it is vacant until {@code deadline}: wait for a replacement. */
    record Wait(long deadline) implements Lookup {
    }

    /** Routes match the path, none the method: 405 with {@code allow}. */
    record NotAllowed(String allow) implements Lookup {
    }

    /** No route for this path, but one for the path with (or without) the trailing slash: a redirect to it. */
    record Redirect(String path) implements Lookup {
    }

    /** Nothing matches. */
    record NotFound() implements Lookup {
    }

    NotFound NOT_FOUND = new NotFound();
}
