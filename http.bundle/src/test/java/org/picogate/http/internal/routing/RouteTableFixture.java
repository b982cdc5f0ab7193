package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import org.picogate.http.Handler;
import org.picogate.http.Routes;

/** Tests of a {@link RouteTable} on its own: routes declared as a provider declares them, looked up at {@link #now}. */
abstract class RouteTableFixture {
    final RouteTable table = new RouteTable();
    final RouteProvider app = new RouteProvider(10, 0, "app [5]");
    /** When lookups happen, on the scheduler's clock (nanoseconds): vacancies end by it. */
    long now;

    /** A handler told apart from others by identity only. */
    static Handler handler() {
        return (request, response) -> { };
    }

    /** Adds the routes {@code provider} declares; a route the collector refuses fails the test. */
    void declare(RouteProvider provider, Consumer<Routes> routes) {
        RouteCollector collector = new RouteCollector(provider, "");
        routes.accept(collector);
        assertThat(collector.failures()).isEmpty();
        table.add(provider, collector.entries(), collector.failures());
    }

    Lookup lookup(String method, String path) {
        return table.router(now).lookup(method, path, now);
    }
}
