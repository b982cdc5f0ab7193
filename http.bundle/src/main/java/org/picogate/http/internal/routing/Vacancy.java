package org.picogate.http.internal.routing;

/**
 * A route whose last provider went away at most the swap grace ago: requests for it wait until {@code deadline}
 * (on the scheduler clock) for a replacement rather than falling through to another route.
 */
record Vacancy(String method, RoutePattern pattern, long deadline) implements Slot {

    boolean open(long now) {
        return now - deadline < 0;
    }
}
