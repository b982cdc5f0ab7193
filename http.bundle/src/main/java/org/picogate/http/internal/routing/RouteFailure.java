package org.picogate.http.internal.routing;

/**
 * A route a provider declared that is not served, and why (a malformed pattern, a bad regex, a route declared
 * twice by one app). Kept while the provider is registered; shown by {@code picogate:routes}.
 *
 * @param serviceId the provider's {@code service.id}
 * @param bundle the provider's bundle
 * @param route the route as declared (method and pattern)
 * @param reason why it is not served
 */
public record RouteFailure(long serviceId, String bundle, String route, String reason) {
}
