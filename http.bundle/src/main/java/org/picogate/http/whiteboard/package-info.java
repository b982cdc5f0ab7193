/**
 * The HTTP whiteboard: services the server picks up and serves while they are registered.
 *
 * <ul>
 * <li>A {@code Handler} service with {@link org.picogate.http.whiteboard.HttpWhiteboard#ROUTE} (path patterns)
 * and/or {@link org.picogate.http.whiteboard.HttpWhiteboard#REGEX}, optionally
 * {@link org.picogate.http.whiteboard.HttpWhiteboard#METHODS} (GET if absent); the annotation
 * {@link org.picogate.http.whiteboard.Route} sets them.</li>
 * <li>An {@code App} service declares many routes through {@code Routes}, under
 * {@link org.picogate.http.whiteboard.HttpWhiteboard#PREFIX} if set ({@link org.picogate.http.whiteboard.Prefix}).</li>
 * <li>A {@code Handler} service with neither a route nor a regex is the <b>fallback</b>: it answers the paths no
 * route and no static file matches (the highest-ranked one if several).</li>
 * <li>An {@code ErrorHandler} service answers the errors (404, 405, {@code HttpException}s, 500) of the requests
 * under its {@link org.picogate.http.whiteboard.HttpWhiteboard#PREFIX} (every request without one): the longest
 * prefix the path is under wins, then {@code service.ranking}, then the lower {@code service.id}; paths none covers
 * get the server's default pages. An {@code App} that also implements {@code ErrorHandler} answers the errors of
 * its own routes and of the paths under its prefix.</li>
 * </ul>
 *
 * <p><b>Which route answers.</b> A path pattern is literal segments and parameters {@code {name}}, each parameter
 * one non-empty segment of the decoded path. The most specific route wins: an exact route over a parameter route
 * over a regex route; among parameter routes, at each segment a literal beats a parameter (so the longer literal
 * prefix wins); among regexes, the longer literal prefix. Two services offering the same method and pattern (same
 * shape: parameter names do not count) are ranked by {@code service.ranking}, then the lower {@code service.id};
 * the other is kept and takes over when the first goes. A GET route answers HEAD. A path that routes match with
 * other methods only gets 405 with {@code Allow}; OPTIONS on it gets 204 with {@code Allow}.
 *
 * <p><b>Trailing slash.</b> {@code /a} and {@code /a/} are different routes. A request that matches no route,
 * while the same path with the trailing slash added or removed has a route for its method, is redirected there
 * with 308 (method and body kept, query kept), as Flask and Django do for GET; nothing is served twice under two
 * URLs.
 *
 * <p><b>Hot swap.</b> When the last provider of a route goes, requests for it wait up to {@code swapGraceMillis}
 * (PID {@code org.picogate.http}) for a replacement, then get 503 with {@code Retry-After}; after that the route is
 * gone. Requests running on a handler that goes are let finish (up to the same grace) before its service is
 * released. A route that cannot be served (a malformed pattern, a bad regex) is logged and listed by the Gogo
 * command {@code picogate:routes} with the reason; the provider's other routes are served.
 */
@Export
@Version("1.0.0")
package org.picogate.http.whiteboard;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
