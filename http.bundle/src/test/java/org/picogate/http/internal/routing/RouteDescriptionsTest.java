package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.http.Handler;
import org.picogate.http.runtime.RouteDTO;
import org.picogate.http.runtime.RouteDTO.Kind;
import org.picogate.http.runtime.RouteDTO.State;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;

/** The routes as the {@code HttpRuntime} service describes them. */
class RouteDescriptionsTest {
    private final VirtualClock clock = VirtualClock.create();
    private final TestScheduler scheduler = TestScheduler.start(clock, "describe");
    private final Routing routing = new Routing(scheduler, Duration.ofSeconds(2));
    private final Handler ok = (request, response) -> response.send("ok");

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void everyKindWithItsProviderAndMethods() {
        routing.addApp(new RouteProvider(7, 3, "notes", 9), "/n", r -> r.get("/", ok).post("/", ok)
                .get("/{id}", ok).regex("GET", "/y/(\\d+)", ok).statics("/css", Path.of("web")));
        routing.addHandler(new RouteProvider(8, 0, "other", 10), ok, List.of(), List.of(), List.of());

        assertThat(routing.describe()).containsExactly(
                new RouteDTO("*", Kind.FALLBACK, List.of("*"), "other", 10, 8, 0, State.SERVED, ""),
                new RouteDTO("/n/", Kind.EXACT, List.of("GET", "POST"), "notes", 9, 7, 3, State.SERVED, ""),
                new RouteDTO("/n/css/*", Kind.STATIC, List.of("GET"), "notes", 9, 7, 3, State.SERVED, ""),
                new RouteDTO("/n/{id}", Kind.PARAM, List.of("GET"), "notes", 9, 7, 3, State.SERVED, ""),
                new RouteDTO("~\\Q/n\\E/y/(\\d+)", Kind.REGEX, List.of("GET"), "notes", 9, 7, 3, State.SERVED, ""));
    }

    @Test
    void picogateRoutesShowsStaticFilesByTheirPrefixLikeTheRuntime() {
        routing.addApp(new RouteProvider(7, 0, "notes", 9), "/n", r -> r.statics("/css", Path.of("web"))
                .regex("GET", "/y/(\\d+)", ok));

        assertThat(routing.routes()).extracting(RouteView::pattern).containsExactly("/n/css/*",
                "~\\Q/n\\E/y/(\\d+)");
    }

    @Test
    void shadowedVacantAndFailedRoutesSayWhy() {
        RouteProvider low = new RouteProvider(20, 0, "a", 1);
        routing.addHandler(low, ok, List.of("/x"), List.of(), List.of("GET"));
        routing.addHandler(new RouteProvider(21, 5, "b", 2), ok, List.of("/x"), List.of(), List.of("GET"));
        routing.addApp(new RouteProvider(22, 0, "c", 3), "", r -> r.get("/gone", ok).get("bad", ok)
                .regex("post", "(", ok).statics("/s/{x}", Path.of("d")));
        RouteProvider leaving = new RouteProvider(23, 0, "d", 4);
        routing.addHandler(leaving, ok, List.of("/v"), List.of(), List.of("PUT"));
        routing.forget(leaving); // no vacancy: forget is for an update

        List<RouteDTO> all = routing.describe();
        assertThat(all).filteredOn(d -> d.pattern().equals("/x")).extracting(RouteDTO::serviceId, RouteDTO::state,
                RouteDTO::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(20L, State.SHADOWED, "shadowed by service 21"),
                        org.assertj.core.groups.Tuple.tuple(21L, State.SERVED, ""));
        assertThat(all).filteredOn(d -> d.state() == State.FAILED)
                .extracting(RouteDTO::pattern, RouteDTO::kind, RouteDTO::methods)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/s/{x}/*", Kind.STATIC, List.of("GET")),
                        org.assertj.core.groups.Tuple.tuple("bad", Kind.EXACT, List.of("GET")),
                        org.assertj.core.groups.Tuple.tuple("~(", Kind.REGEX, List.of("POST")));
        assertThat(all).filteredOn(d -> d.state() == State.FAILED)
                .allSatisfy(d -> assertThat(d.reason()).isNotBlank())
                .allSatisfy(d -> assertThat(d.serviceId()).isEqualTo(22));
        assertThat(all).extracting(RouteDTO::pattern).doesNotContain("/v");
    }

    @Test
    void aRouteWhoseLastProviderWentIsVacantForTheGrace() throws Exception {
        RouteProvider only = new RouteProvider(30, 0, "f", 6);
        routing.addHandler(only, ok, List.of("/v"), List.of(), List.of("GET"));
        assertThat(routing.remove(only)).isTrue(); // nothing in flight

        assertThat(routing.describe()).containsExactly(new RouteDTO("/v", Kind.EXACT, List.of("GET"), "-", -1, -1,
                0, State.VACANT, "waiting 2000 ms for a replacement"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(routing.describe()).isEmpty();
    }
}
