package org.picogate.http.internal.routing;

/**
 * One declared route as {@code picogate:routes} lists it.
 *
 * @param pattern the path, regex ({@code ~regex}) or {@code *} for the fallback
 * @param method the method
 * @param serviceId the provider's {@code service.id}
 * @param bundle the provider's bundle
 * @param ranking the provider's {@code service.ranking}
 * @param state {@code served}, {@code shadowed by <service.id>}, or {@code vacant} (waiting for a replacement)
 */
public record RouteView(String pattern, String method, long serviceId, String bundle, int ranking, String state) {
}
