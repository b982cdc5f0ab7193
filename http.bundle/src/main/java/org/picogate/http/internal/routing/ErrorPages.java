package org.picogate.http.internal.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.http.ErrorHandler;

/**
 * The apps' error handlers ({@code ErrorHandler} services), each for the paths under its prefix: a request gets
 * the one with the longest prefix its path is under ({@code /notes} covers {@code /notes} and {@code /notes/7},
 * not {@code /notesx}; no prefix covers every path), of equal prefixes the higher {@code service.ranking}, then
 * the lower {@code service.id}; none, the server's default pages.
 *
 * <p>Copy on write: a request reads the sorted array once, without a lock, and with no handler registered pays
 * for one volatile read.
 */
public final class ErrorPages {
    /** One registered handler: its prefix without trailing slash ({@code ""} for every path). */
    private record Entry(Object owner, long serviceId, int ranking, String prefix, ErrorHandler handler) {
        boolean covers(String path) {
            return prefix.isEmpty() || (path.startsWith(prefix)
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/'));
        }
    }

    /** Longest prefix first, then the higher ranking, then the older service. */
    private static final Comparator<Entry> ORDER = Comparator.comparingInt((Entry e) -> -e.prefix().length())
            .thenComparing(Comparator.comparingInt(Entry::ranking).reversed())
            .thenComparingLong(Entry::serviceId);

    private final ReentrantLock lock = new ReentrantLock();
    private volatile Entry[] entries = new Entry[0];

    /**
     * Adds (or, for a known {@code owner}, replaces) a handler.
     *
     * @param owner what it is removed by: an {@code ErrorHandler} service's id, or the {@link RouteProvider} of an
     *        app that is its own error handler
     * @param prefix {@code null}, {@code ""} or {@code /} for every path, else a path such as {@code /notes}
     * @throws IllegalArgumentException for a prefix that is not a plain path (no parameters, starting with /)
     */
    public void add(Object owner, long serviceId, int ranking, String prefix, ErrorHandler handler) {
        String p = normalize(prefix);
        lock.lock();
        try {
            List<Entry> all = without(owner);
            all.add(new Entry(owner, serviceId, ranking, p, handler));
            all.sort(ORDER);
            entries = all.toArray(Entry[]::new);
        } finally {
            lock.unlock();
        }
    }

    /** Removes the owner's handler; its paths get the next one that covers them, or the default pages. */
    public void remove(Object owner) {
        lock.lock();
        try {
            entries = without(owner).toArray(Entry[]::new);
        } finally {
            lock.unlock();
        }
    }

    private List<Entry> without(Object owner) {
        List<Entry> all = new ArrayList<>(List.of(entries));
        all.removeIf(e -> e.owner().equals(owner));
        return all;
    }

    /** The handler for {@code path}, or {@code null} for the server's default pages. */
    public ErrorHandler select(String path) {
        for (Entry e : entries) {
            if (e.covers(path)) {
                return e.handler();
            }
        }
        return null;
    }

    static String normalize(String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.isEmpty() && !PathPattern.parse(p).exact()) {
            throw new IllegalArgumentException("bad prefix " + prefix + ": no parameters in a prefix");
        }
        return p;
    }
}
