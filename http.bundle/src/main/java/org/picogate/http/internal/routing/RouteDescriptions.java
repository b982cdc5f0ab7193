package org.picogate.http.internal.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.picogate.http.runtime.RouteDTO;
import org.picogate.http.runtime.RouteDTO.Kind;
import org.picogate.http.runtime.RouteDTO.State;

/**
 * Describes a {@link RouteTable} as {@link RouteDTO}s: the routes of one provider that share a pattern and a state
 * become one DTO with their methods.
 */
final class RouteDescriptions {
    private static final String FILES_OF = " (files of ";

    private RouteDescriptions() {
    }

    static List<RouteDTO> describe(Map<RouteProvider, List<RouteEntry>> routes,
            Map<RouteProvider, List<RouteFailure>> failures, Collection<Vacancy> vacancies,
            Map<String, RouteEntry> winners, long now) {
        Map<String, Row> rows = new LinkedHashMap<>();
        routes.forEach((provider, entries) -> entries.forEach(e -> {
            RouteEntry winner = winners.get(e.key());
            boolean served = winner == e;
            add(rows, new Row(e.label(), kind(e.pattern()), provider.bundleName(), provider.bundleId(),
                    provider.serviceId(), provider.ranking(), served ? State.SERVED : State.SHADOWED,
                    served ? "" : "shadowed by service " + winner.provider().serviceId()), e.method());
        }));
        for (Vacancy v : vacancies) {
            if (v.open(now)) {
                add(rows, new Row(v.pattern() == null ? "*" : v.pattern().label(), kind(v.pattern()), "-", -1, -1,
                        0, State.VACANT, "waiting " + (v.deadline() - now) / 1_000_000 + " ms for a replacement"),
                        v.method());
            }
        }
        failures.forEach((provider, failed) -> failed.forEach(f -> {
            Declared d = Declared.parse(f.route());
            add(rows, new Row(d.pattern(), d.kind(), provider.bundleName(), provider.bundleId(),
                    provider.serviceId(), provider.ranking(), State.FAILED, f.reason()), d.method());
        }));
        List<RouteDTO> all = new ArrayList<>();
        rows.values().forEach(r -> all.add(r.dto()));
        all.sort(Routing.DTO_ORDER);
        return all;
    }

    private static void add(Map<String, Row> rows, Row row, String method) {
        Row existing = rows.putIfAbsent(row.key(), row);
        Row target = existing == null ? row : existing;
        if (method != null && !target.methods.contains(method)) {
            target.methods.add(method);
        }
    }

    static Kind kind(RoutePattern pattern) {
        return switch (pattern) {
            case null -> Kind.FALLBACK;
            case PathPattern p -> p.exact() ? Kind.EXACT : Kind.PARAM;
            case RegexPattern r -> r.isStatics() ? Kind.STATIC : Kind.REGEX;
        };
    }

    /** One DTO being gathered: its methods grow as routes of the same provider, pattern and state are added. */
    private static final class Row {
        final String pattern;
        final Kind kind;
        final String bundle;
        final long bundleId;
        final long serviceId;
        final int ranking;
        final State state;
        final String reason;
        final List<String> methods = new ArrayList<>(2);

        Row(String pattern, Kind kind, String bundle, long bundleId, long serviceId, int ranking, State state,
                String reason) {
            this.pattern = pattern;
            this.kind = kind;
            this.bundle = bundle;
            this.bundleId = bundleId;
            this.serviceId = serviceId;
            this.ranking = ranking;
            this.state = state;
            this.reason = reason;
        }

        String key() {
            return serviceId + "\u0000" + pattern + "\u0000" + state + "\u0000" + reason;
        }

        RouteDTO dto() {
            return new RouteDTO(pattern, kind, methods, bundle, bundleId, serviceId, ranking, state, reason);
        }
    }

    /**
     * A failed route as {@link RouteCollector} declared it: {@code METHOD /path}, {@code METHOD ~regex},
     * {@code GET /prefix (files of dir)}, {@code prefix /p} (a bad app prefix) or {@code (all its routes)}.
     */
    record Declared(String method, String pattern, Kind kind) {

        static Declared parse(String declared) {
            int space = declared.indexOf(' ');
            String first = space < 0 ? declared : declared.substring(0, space);
            if (space < 0 || first.equals("prefix") || !isMethod(first)) {
                return new Declared(null, declared, declared.contains("{") ? Kind.PARAM : Kind.EXACT);
            }
            String rest = declared.substring(space + 1);
            int files = rest.indexOf(FILES_OF);
            if (files >= 0 && rest.endsWith(")")) {
                String base = rest.substring(0, files);
                return new Declared(upper(first), (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/*",
                        Kind.STATIC);
            }
            if (rest.startsWith("~")) {
                return new Declared(upper(first), rest, Kind.REGEX);
            }
            return new Declared(upper(first), rest, rest.contains("{") ? Kind.PARAM : Kind.EXACT);
        }

        private static String upper(String method) {
            return method.toUpperCase(Locale.ROOT);
        }

        private static boolean isMethod(String token) {
            if (token.isEmpty()) {
                return false;
            }
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '_')) {
                    return false;
                }
            }
            return true;
        }
    }
}
