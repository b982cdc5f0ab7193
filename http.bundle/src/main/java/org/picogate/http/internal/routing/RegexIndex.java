package org.picogate.http.internal.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The regex routes of a router, in a trie of the leading path segments their regex fixes literally
 * ({@link RegexKey}): a lookup walks the request path's segments down the trie and tries only the regexes met on
 * the way, so the cost follows the regexes that share the path's first segments, not how many there are. The
 * regexes at the root, those without a literal leading segment, are tried for every path: keep them few.
 *
 * <p>Order is kept: the candidates met on the way are tried in the router's order of precedence (each has its
 * {@code rank} in it), merged from the nodes' lists, and a regex whose literal start the path does not have is
 * skipped without running it.
 *
 * @param <R> a regex route
 */
final class RegexIndex<R> {
    /** Tries one candidate on the path: the outcome, or null to go on with the next. */
    interface Probe<R, T> {
        T probe(R route, String path);
    }

    private record Entry<R>(R route, String literal, int rank) {
    }

    private static final class Node<R> {
        final Map<String, Node<R>> children = new HashMap<>(4);
        final List<Entry<R>> building = new ArrayList<>();
        Entry<R>[] entries;
    }

    private final Node<R> root = new Node<>();
    private final int size;
    private int depth;

    /**
     * @param routes in the order they are to be tried
     * @param keys each route's key, in the same order
     */
    RegexIndex(List<R> routes, List<RegexKey> keys) {
        for (int rank = 0; rank < routes.size(); rank++) {
            RegexKey key = keys.get(rank);
            Node<R> node = root;
            for (String segment : key.segments()) {
                node = node.children.computeIfAbsent(segment, s -> new Node<>());
            }
            node.building.add(new Entry<>(routes.get(rank), key.literal(), rank));
            depth = Math.max(depth, key.segments().size());
        }
        this.size = routes.size();
        freeze(root);
    }

    @SuppressWarnings("unchecked")
    private static <R> void freeze(Node<R> node) {
        node.entries = node.building.toArray(Entry[]::new); // ranks ascending: added in order
        node.building.clear();
        node.children.values().forEach(RegexIndex::freeze);
    }

    int size() {
        return size;
    }

    /** The first outcome {@code probe} gives for a candidate of {@code path}, in order; null if none. */
    <T> T find(String path, Probe<? super R, T> probe) {
        if (size == 0) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Entry<R>[][] lists = new Entry[depth + 1][];
        int n = 0;
        Node<R> node = root;
        if (node.entries.length > 0) {
            lists[n++] = node.entries;
        }
        for (int start = 1; !node.children.isEmpty() && start <= path.length();) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            node = node.children.get(path.substring(start, end));
            if (node == null) {
                break;
            }
            if (node.entries.length > 0) {
                lists[n++] = node.entries;
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return n == 1 ? scan(lists[0], path, probe) : merge(lists, n, path, probe);
    }

    private static <R, T> T scan(Entry<R>[] entries, String path, Probe<? super R, T> probe) {
        for (Entry<R> e : entries) {
            T outcome = tryOne(e, path, probe);
            if (outcome != null) {
                return outcome;
            }
        }
        return null;
    }

    /** Tries the candidates of several nodes in rank order (few lists: at most one per segment of the path). */
    private static <R, T> T merge(Entry<R>[][] lists, int n, String path, Probe<? super R, T> probe) {
        int[] next = new int[n];
        for (;;) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (next[i] < lists[i].length
                        && (best < 0 || lists[i][next[i]].rank() < lists[best][next[best]].rank())) {
                    best = i;
                }
            }
            if (best < 0) {
                return null;
            }
            T outcome = tryOne(lists[best][next[best]++], path, probe);
            if (outcome != null) {
                return outcome;
            }
        }
    }

    private static <R, T> T tryOne(Entry<R> e, String path, Probe<? super R, T> probe) {
        return path.startsWith(e.literal()) ? probe.probe(e.route(), path) : null;
    }
}
