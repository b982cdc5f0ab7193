package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The listing of {@code picogate:routes}. */
class RoutesCommandTest {

    @Test
    void listsRoutesThenFailuresThenCounts() {
        String out = RoutesCommand.render(
                List.of(new RouteView("/notes/{id}", "GET", 42, "notes [9]", 0, "served"),
                        new RouteView("/notes/{id}", "GET", 43, "other [10]", 0, "shadowed by 42"),
                        new RouteView("/gone", "GET", -1, "-", 0, "vacant 1500 ms")),
                List.of(new RouteFailure(44, "bad [11]", "GET /a//b", "bad route path /a//b: an empty segment (//)")));

        String[] lines = out.split("\n");
        assertThat(lines[0]).startsWith("ROUTE").contains("METHOD", "SERVICE", "RANKING", "BUNDLE", "STATE");
        assertThat(lines[1]).startsWith("/notes/{id}").contains("GET", "42", "notes [9]").endsWith("served");
        assertThat(lines[2]).contains("43", "shadowed by 42");
        assertThat(lines[3]).startsWith("/gone").contains(" - ").endsWith("vacant 1500 ms");
        assertThat(lines[4]).isEqualTo("FAILED");
        assertThat(lines[6]).contains("44", "bad [11]", "GET /a//b", "an empty segment");
        assertThat(lines[7]).isEqualTo("3 route(s), 1 failure(s)");
    }

    @Test
    void anEmptyTableSaysSo() {
        assertThat(RoutesCommand.render(List.of(), List.of())).isEqualTo("0 route(s), 0 failure(s)");
    }
}
