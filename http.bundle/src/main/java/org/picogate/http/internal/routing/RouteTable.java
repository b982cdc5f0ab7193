package org.picogate.http.internal.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.picogate.http.runtime.RouteDTO;

/**
 * Every route every provider declared, the vacancies, and the failures; builds the {@link Router}. Not thread-safe:
 * {@link Routing} guards it.
 */
final class RouteTable {
    private final Map<RouteProvider, List<RouteEntry>> routes = new LinkedHashMap<>();
    private final Map<RouteProvider, List<RouteFailure>> failures = new LinkedHashMap<>();
    private final Map<String, Vacancy> vacancies = new HashMap<>();

    void add(RouteProvider provider, List<RouteEntry> entries, List<RouteFailure> failed) {
        routes.put(provider, List.copyOf(entries));
        if (!failed.isEmpty()) {
            failures.put(provider, List.copyOf(failed));
        }
        entries.forEach(e -> vacancies.remove(e.key()));
    }

    /** Takes the provider's routes away; a route it was the last provider of is vacant until {@code deadline}. */
    void remove(RouteProvider provider, long deadline) {
        List<RouteEntry> gone = routes.remove(provider);
        failures.remove(provider);
        if (gone == null) {
            return;
        }
        for (RouteEntry e : gone) {
            if (!provided(e.key())) {
                vacancies.put(e.key(), new Vacancy(e.method(), e.pattern(), deadline));
            }
        }
    }

    private boolean provided(String key) {
        for (List<RouteEntry> entries : routes.values()) {
            for (RouteEntry e : entries) {
                if (e.key().equals(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The best route per method and pattern (ranking, then lower service id), and the open vacancies. */
    Router router(long now) {
        vacancies.values().removeIf(v -> !v.open(now));
        Map<String, RouteEntry> winners = winners();
        List<Slot> slots = new ArrayList<>();
        Slot fallback = null;
        for (RouteEntry e : winners.values()) {
            if (e.pattern() == null) {
                fallback = e;
            } else {
                slots.add(e);
            }
        }
        for (Vacancy v : vacancies.values()) {
            if (v.pattern() == null) {
                fallback = v;
            } else {
                slots.add(v);
            }
        }
        return new Router(slots, fallback);
    }

    private Map<String, RouteEntry> winners() {
        Map<String, RouteEntry> winners = new HashMap<>();
        routes.values().forEach(entries -> entries.forEach(e -> winners.merge(e.key(), e,
                (a, b) -> RouteProvider.PRECEDENCE.compare(a.provider(), b.provider()) <= 0 ? a : b)));
        return winners;
    }

    /** Every declared route and vacancy, sorted by pattern and method, for people. */
    List<RouteView> views(long now) {
        Map<String, RouteEntry> winners = winners();
        List<RouteView> views = new ArrayList<>();
        routes.values().forEach(entries -> entries.forEach(e -> {
            RouteEntry winner = winners.get(e.key());
            String state = winner == e ? "served" : "shadowed by " + winner.provider().serviceId();
            views.add(new RouteView(shown(e.pattern()), e.method(), e.provider().serviceId(),
                    e.provider().bundle(), e.provider().ranking(), state));
        }));
        vacancies.values().stream().filter(v -> v.open(now)).forEach(v -> views.add(new RouteView(
                shown(v.pattern()), v.method(), -1, "-", 0, "vacant " + (v.deadline() - now) / 1_000_000 + " ms")));
        views.sort(Comparator.comparing(RouteView::pattern).thenComparing(RouteView::method)
                .thenComparingLong(RouteView::serviceId));
        return views;
    }

    /** The same routes as {@link #views}, with the failures, for the {@code HttpRuntime} service. */
    List<RouteDTO> describe(long now) {
        return RouteDescriptions.describe(routes, failures, vacancies.values(), winners(), now);
    }

    /** As {@code picogate:routes} and {@code HttpRuntime} show it: {@code /css/*} for static files, not their regex. */
    static String shown(RoutePattern pattern) {
        return pattern == null ? "*" : pattern.label();
    }

    List<RouteFailure> failures() {
        List<RouteFailure> all = new ArrayList<>();
        failures.values().forEach(all::addAll);
        return all;
    }
}
