package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.picogate.http.Handler;

/** How an app's routes are gathered: under its prefix, with a failure per route that cannot be served. */
class RouteCollectorTest {
    private final RouteProvider app = new RouteProvider(7, 0, "notes [9]");
    private final Handler h = (request, response) -> { };

    @Test
    void everyRouteGoesUnderThePrefix() {
        RouteCollector routes = new RouteCollector(app, "/notes/");
        routes.get("/", h).get("/{id}", h).regex("GET", "/(\\d+)/raw", h);

        assertThat(routes.entries()).extracting(e -> e.pattern().source())
                .containsExactly("/notes/", "/notes/{id}", "\\Q/notes\\E/(\\d+)/raw");
        assertThat(routes.failures()).isEmpty();
    }

    @Test
    void aBadRouteIsAFailureAndTheOthersAreServed() {
        RouteCollector routes = new RouteCollector(app, "");
        routes.get("/ok", h).get("no-slash", h).regex("POST", "/(", h).route("G T", "/x", h).get("/ok", h);

        assertThat(routes.entries()).hasSize(1);
        assertThat(routes.failures()).extracting(RouteFailure::route)
                .containsExactly("GET no-slash", "POST ~/(", "G T /x", "GET /ok");
        assertThat(routes.failures()).extracting(RouteFailure::reason).allMatch(r -> !r.isBlank());
        assertThat(routes.failures().get(3).reason()).contains("declared twice");
        assertThat(routes.failures()).extracting(RouteFailure::serviceId).containsOnly(7L);
    }

    @Test
    void aPrefixWithAParameterOrWithoutSlashIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RouteCollector(app, "/a/{b}"))
                .withMessageContaining("no parameters");
        assertThatIllegalArgumentException().isThrownBy(() -> new RouteCollector(app, "a"))
                .withMessageContaining("starts with /");
    }
}
