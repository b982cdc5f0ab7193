package org.picogate.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.picogate.http.runtime.ConnectionDTO;

/**
 * The open connections of one listener and whether it is being retired (the server stops, or moves to another
 * port). Once {@link #start() started}, like nginx at a graceful shutdown: keep-alive connections that wait for
 * their next request are closed at once (a FIN, so a client that sends meanwhile sees the end of input without
 * a byte of answer, which RFC 9112 9.3.1 lets it retry); a request being served is finished and its connection
 * closed when it becomes idle; a request that starts from now on is answered with {@code Connection: close}.
 * The listener's own graceful close stops accepting and bounds all of this by the shutdown grace.
 */
final class ConnectionDrain {
    private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    /** Whether the listener is being retired: no connection is kept alive past its current request. */
    boolean started() {
        return started;
    }

    /** Closes the idle connections now and the busy ones once their current request is answered. */
    void start() {
        started = true; // before the scan: a connection that turns idle after it sees the flag itself
        for (HttpConnection connection : open) {
            connection.closeIfIdle();
        }
    }

    void opened(HttpConnection connection) {
        open.add(connection);
    }

    void closed(HttpConnection connection) {
        open.remove(connection);
    }

    /** The connections open now, as of {@code now} on the scheduler's clock, in no particular order. */
    List<ConnectionDTO> describe(long now, int localPort, boolean tls) {
        List<ConnectionDTO> all = new ArrayList<>(open.size());
        for (HttpConnection connection : open) {
            all.add(connection.describe(now, localPort, tls));
        }
        return all;
    }

    /** Connections open now (for tests and the console). */
    int size() {
        return open.size();
    }
}
