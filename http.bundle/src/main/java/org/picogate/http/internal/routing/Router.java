package org.picogate.http.internal.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * An immutable route table, looked up by every request without a lock; a change builds a new one.
 *
 * <p>Exact and parameter routes live in a trie of path segments, so a lookup costs one hash lookup per segment of
 * the request path, however many routes there are. At each segment a literal child is tried before the parameter
 * child (backtracking if the literal branch matches nothing): an exact route beats a parameter route, and of two
 * parameter routes the one with the longer literal prefix wins ({@code /a/b/{x}} over {@code /a/{y}/c}). Regex
 * routes are tried after the trie, in order of their literal prefix (longest first), then ranking; only those
 * whose literal leading segments the path has are tried ({@link RegexIndex}), so hundreds of regex routes under
 * different first segments cost about what a few do.
 *
 * <p>Methods: a route answers its methods; a GET route answers HEAD too (without body). When routes match the path
 * but none the method, the answer is 405 with {@code Allow}. Trailing slash: {@code /a} and {@code /a/} are
 * different routes; a path that matches nothing, while the same path with the slash added (or removed) matches a
 * route for the method, is redirected there (see {@link Lookup.Redirect}), as Flask and Django do.
 */
public final class Router {
    /** The usual methods in the usual order, then any other alphabetically (for {@code Allow}). */
    private static final List<String> USUAL = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final Comparator<String> METHOD_ORDER = Comparator
            .comparingInt((String m) -> USUAL.contains(m) ? USUAL.indexOf(m) : USUAL.size())
            .thenComparing(Comparator.naturalOrder());

    /** An empty router: every lookup finds nothing. */
    public static final Router EMPTY = new Router(List.of(), null);

    private final Node root = new Node();
    private final RegexIndex<RegexRoute> regexes;
    private final Slot fallback;
    private int maxParams;

    /**
     * @param slots per method and pattern, the route that serves it or its vacancy; one per method and pattern key
     * @param fallback what answers paths no route matches (a {@code Handler} service without route), or null
     */
    Router(Collection<? extends Slot> slots, Slot fallback) {
        this.fallback = fallback;
        Map<String, RegexRoute> byRegex = new HashMap<>();
        for (Slot slot : slots) {
            String method = method(slot);
            switch (pattern(slot)) {
                case PathPattern p -> insert(p, method, slot);
                case RegexPattern r -> byRegex.computeIfAbsent(r.key(), k -> new RegexRoute(r)).methods.put(method,
                        slot);
            }
        }
        List<RegexRoute> ordered = new ArrayList<>(byRegex.values());
        ordered.sort(Comparator.comparingInt((RegexRoute r) -> -r.pattern.literalPrefix())
                .thenComparing(RegexRoute::best, Comparator.nullsLast(RouteProvider.PRECEDENCE))
                .thenComparing(r -> r.pattern.source()));
        regexes = new RegexIndex<>(ordered, ordered.stream().map(r -> RegexKey.of(r.pattern.source())).toList());
    }

    private static String method(Slot slot) {
        return switch (slot) {
            case RouteEntry e -> e.method();
            case Vacancy v -> v.method();
        };
    }

    private static RoutePattern pattern(Slot slot) {
        return switch (slot) {
            case RouteEntry e -> e.pattern();
            case Vacancy v -> v.pattern();
        };
    }

    private void insert(PathPattern p, String method, Slot slot) {
        Node node = root;
        for (int i = 0; i < p.size(); i++) {
            String literal = p.literal(i);
            if (literal == null) {
                if (node.param == null) {
                    node.param = new Node();
                }
                node = node.param;
            } else {
                node = node.literals.computeIfAbsent(literal, k -> new Node());
            }
        }
        node.methods.put(method, slot);
        maxParams = Math.max(maxParams, p.parameterCount());
    }

    /**
     * The route for {@code method} and the decoded {@code path}, at time {@code now} (scheduler clock: vacancies
     * past their deadline are gone). Never the fallback: see {@link #fallback(long)}.
     */
    public Lookup lookup(String method, String path, long now) {
        Lookup found = find(method, path, now);
        if (found instanceof Lookup.NotFound) {
            String other = otherSlash(path);
            if (other != null && find(method, other, now) instanceof Lookup.Found) {
                return new Lookup.Redirect(other);
            }
        }
        return found;
    }

    /** The fallback: found, vacant (wait) or none. */
    public Lookup fallback(long now) {
        return switch (fallback) {
            case null -> Lookup.NOT_FOUND;
            case RouteEntry e -> new Lookup.Found(e, Map.of());
            case Vacancy v -> v.open(now) ? new Lookup.Wait(v.deadline()) : Lookup.NOT_FOUND;
        };
    }

    /**
     * {@code path} with its trailing slash removed or one added; {@code null} for {@code /} and for paths whose
     * redirect could leave the site ({@code //host} is a network-path reference).
     */
    static String otherSlash(String path) {
        if (path.length() <= 1 || path.startsWith("//") || path.indexOf('\\') >= 0) {
            return null;
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
    }

    private Lookup find(String method, String path, long now) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return Lookup.NOT_FOUND;
        }
        Search s = new Search(method, now, maxParams);
        Lookup hit = walk(root, path, 1, 0, s);
        if (hit != null) {
            return hit;
        }
        hit = regexes.find(path, s);
        if (hit != null) {
            return hit;
        }
        return s.allowed == null ? Lookup.NOT_FOUND : new Lookup.NotAllowed(allow(s.allowed));
    }

    /** Matches the segment of {@code path} starting at {@code start} against the children of {@code node}. */
    private Lookup walk(Node node, String path, int start, int params, Search s) {
        int slash = path.indexOf('/', start);
        int end = slash < 0 ? path.length() : slash;
        if (!node.literals.isEmpty()) {
            Node literal = node.literals.get(path.substring(start, end));
            if (literal != null) {
                Lookup r = slash < 0 ? s.at(literal, path, params) : walk(literal, path, slash + 1, params, s);
                if (r != null) {
                    return r;
                }
            }
        }
        if (node.param != null && end > start) {
            s.starts[params] = start;
            s.ends[params] = end;
            return slash < 0 ? s.at(node.param, path, params + 1) : walk(node.param, path, slash + 1, params + 1, s);
        }
        return null;
    }

    private static Map<String, String> groups(RegexPattern pattern, Matcher m) {
        if (m.groupCount() == 0) {
            return Map.of();
        }
        Map<String, String> params = new HashMap<>();
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                params.put(Integer.toString(g), m.group(g));
            }
        }
        pattern.groupNames().forEach((name, g) -> {
            if (m.group(g) != null) {
                params.put(name, m.group(g));
            }
        });
        return params;
    }

    private static String allow(TreeSet<String> methods) {
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS"); // answered for every matched path (Routing)
        return String.join(", ", methods);
    }

    /** One lookup's state: where the parameters are in the path, and the methods of routes that matched it. */
    private static final class Search implements RegexIndex.Probe<RegexRoute, Lookup> {
        final String method;
        final long now;
        final int[] starts;
        final int[] ends;
        TreeSet<String> allowed;

        Search(String method, long now, int maxParams) {
            this.method = method;
            this.now = now;
            this.starts = new int[maxParams];
            this.ends = new int[maxParams];
        }

        /** The route ending at {@code node} for the method, or null (then its methods count for {@code Allow}). */
        Lookup at(Node node, String path, int params) {
            if (node.methods.isEmpty()) {
                return null;
            }
            Slot slot = pick(node.methods);
            if (slot instanceof RouteEntry e) {
                PathPattern p = (PathPattern) e.pattern();
                return new Lookup.Found(e, switch (params) {
                    case 0 -> Map.of();
                    case 1 -> Map.of(p.name(0), path.substring(starts[0], ends[0]));
                    default -> {
                        Map<String, String> all = new HashMap<>();
                        for (int i = 0; i < params; i++) {
                            all.put(p.name(i), path.substring(starts[i], ends[i]));
                        }
                        yield all;
                    }
                });
            }
            return slot instanceof Vacancy v ? new Lookup.Wait(v.deadline()) : null;
        }

        /**
         * The slot for the method (GET's for HEAD), or a vacancy of the route when it has none: its replacement
         * may bring the method. Otherwise null, the route's methods noted for {@code Allow}.
         */
        Slot pick(Map<String, Slot> methods) {
            Slot slot = methods.get(method);
            if (slot == null && "HEAD".equals(method)) {
                slot = methods.get("GET");
            }
            if (slot instanceof RouteEntry || (slot instanceof Vacancy v && v.open(now))) {
                return slot;
            }
            Vacancy vacant = null;
            for (Slot other : methods.values()) {
                if (other instanceof RouteEntry e) {
                    if (allowed == null) {
                        allowed = new TreeSet<>(METHOD_ORDER);
                    }
                    allowed.add(e.method());
                } else if (other instanceof Vacancy v && v.open(now)) {
                    vacant = v;
                }
            }
            return vacant;
        }

        /** A regex candidate: its route for the method if it matches, else null (its methods noted). */
        @Override
        public Lookup probe(RegexRoute r, String path) {
            Matcher m = r.pattern.match(path);
            if (m != null) {
                Slot slot = pick(r.methods);
                if (slot instanceof RouteEntry e) {
                    return new Lookup.Found(e, groups(r.pattern, m));
                }
                if (slot instanceof Vacancy v) {
                    return new Lookup.Wait(v.deadline());
                }
            }
            return null;
        }
    }

    /** A trie node: the routes ending here by method, and the children by next segment. */
    private static final class Node {
        final Map<String, Node> literals = new HashMap<>(4);
        final Map<String, Slot> methods = new HashMap<>(4);
        Node param;
    }

    /** The routes of one regex, by method. */
    private static final class RegexRoute {
        final RegexPattern pattern;
        final Map<String, Slot> methods = new HashMap<>(4);

        RegexRoute(RegexPattern pattern) {
            this.pattern = pattern;
        }

        RouteProvider best() {
            RouteProvider best = null;
            for (Slot s : methods.values()) {
                if (s instanceof RouteEntry e
                        && (best == null || RouteProvider.PRECEDENCE.compare(e.provider(), best) < 0)) {
                    best = e.provider();
                }
            }
            return best;
        }
    }
}
