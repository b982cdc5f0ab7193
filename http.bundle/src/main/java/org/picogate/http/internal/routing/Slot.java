package org.picogate.http.internal.routing;

/** What answers one method of one route in a router: a served route, or a vacancy waiting for a replacement. */
sealed interface Slot permits RouteEntry, Vacancy {
}
