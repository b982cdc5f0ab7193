package org.picogate.client.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.client.PoolStats;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Timer;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamState;

/**
 * Keep-alive connections of one session, per {@link Endpoint}, within a limit per endpoint and in total.
 *
 * <p>{@link #acquire} takes the most recently used idle connection of the endpoint (the likeliest still open),
 * else opens one if the limits allow, else waits: a waiter sleeps on its own scheduler {@link Event}, and every
 * change that may help (a connection released or closed) wakes all waiters, which look again; the exchange's
 * {@link Deadline} wakes its waiter when it passes. At the total limit an idle connection of another endpoint is
 * closed to make room. Connections are opened outside the lock, their slot reserved first.
 *
 * <p>Idle connections expire after the idle timeout: one sweep timer at a time, armed for the oldest idle
 * connection's expiry, closes those due (in a task: a graceful close waits for the peer's FIN).
 */
final class ConnectionPool {

    /** Opens a connection to an endpoint (connect timeout and TLS included). */
    @FunctionalInterface
    interface Opener {
        Stream open(Endpoint endpoint, Deadline deadline) throws IOException;
    }

    /** The pool is closed: its session was closed. */
    static final class PoolClosedException extends IOException {
        private static final long serialVersionUID = 1L;

        PoolClosedException() {
            super("the session is closed");
        }
    }

    private static final class Host {
        final ArrayDeque<PooledConnection> idle = new ArrayDeque<>(4);
        int open;
    }

    private final Scheduler scheduler;
    private final Opener opener;
    private final int maxPerHost;
    private final int maxTotal;
    private final long idleNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Endpoint, Host> hosts = new HashMap<>();
    private final List<Event> waiters = new ArrayList<>();
    private int open;
    private int idle;
    private long created;
    private long reused;
    private long discarded;
    private long expired;
    private long staleRetries;
    private boolean closed;
    private Timer sweep;

    ConnectionPool(Scheduler scheduler, Opener opener, int maxPerHost, int maxTotal, Duration idleTimeout) {
        this.scheduler = scheduler;
        this.opener = opener;
        this.maxPerHost = maxPerHost;
        this.maxTotal = maxTotal;
        this.idleNanos = idleTimeout.toNanos();
    }

    /**
     * A connection to {@code endpoint} for one request, waiting while the pool is full.
     *
     * @param fresh a new connection, not a pooled one (the retry after a stale one)
     * @throws PoolClosedException if the pool is closed
     * @throws org.picogate.client.DeadlineExceededException never itself: it returns {@code null} when
     *         {@code deadline} passed while waiting
     */
    PooledConnection acquire(Endpoint endpoint, Deadline deadline, boolean fresh) throws IOException {
        List<PooledConnection> toClose = new ArrayList<>(0);
        Host host;
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new PoolClosedException();
                }
                host = hosts.computeIfAbsent(endpoint, e -> new Host());
                long now = scheduler.clock().nanoTime();
                PooledConnection c;
                while (!fresh && (c = host.idle.pollLast()) != null) {
                    idle--;
                    if (now - c.idleSinceNanos >= idleNanos || c.stream.state().isFinal()) {
                        forget(host, c);
                        expired++;
                        toClose.add(c);
                        continue;
                    }
                    c.requests++;
                    reused++;
                    return c;
                }
                if (host.open < maxPerHost && (open < maxTotal || evictIdleElsewhere(endpoint, toClose))) {
                    host.open++;
                    open++;
                    break; // slot reserved: connect outside the lock
                }
                if (deadline.expired()) {
                    return null;
                }
                Event ready = scheduler.event();
                waiters.add(ready);
                deadline.waitingOn(ready);
                lock.unlock();
                try {
                    closeAll(toClose);
                    ready.await(); // CancelledException if the task is cancelled
                } finally {
                    deadline.waitingOn(null);
                    lock.lock();
                    waiters.remove(ready);
                }
            }
        } finally {
            lock.unlock();
            closeAll(toClose);
        }
        Stream stream;
        try {
            stream = opener.open(endpoint, deadline);
        } catch (IOException | RuntimeException | Error e) {
            lock.lock();
            try {
                host.open--;
                open--;
                wakeWaiters();
            } finally {
                lock.unlock();
            }
            throw e;
        }
        PooledConnection c = new PooledConnection(stream, endpoint);
        c.requests = 1;
        lock.lock();
        try {
            created++;
            if (closed) { // closed while connecting
                forget(host, c);
                toClose.add(c);
            }
        } finally {
            lock.unlock();
        }
        if (!toClose.isEmpty()) {
            closeAll(toClose);
            throw new PoolClosedException();
        }
        return c;
    }

    /** A connection whose response was read whole and may carry another request. */
    void release(PooledConnection c) {
        boolean keep;
        lock.lock();
        try {
            keep = !closed && idleNanos > 0 && c.stream.state() == StreamState.OPEN;
            if (keep) {
                c.idleSinceNanos = scheduler.clock().nanoTime();
                hosts.get(c.endpoint).idle.addLast(c);
                idle++;
                armSweep();
            } else {
                forget(hosts.get(c.endpoint), c);
            }
            wakeWaiters();
        } finally {
            lock.unlock();
        }
        if (!keep) {
            c.stream.close();
        }
    }

    /** A connection that must not carry another request: broken, timed out, cancelled, or told to close. */
    void discard(PooledConnection c, boolean graceful) {
        lock.lock();
        try {
            forget(hosts.get(c.endpoint), c);
            discarded++;
            wakeWaiters();
        } finally {
            lock.unlock();
        }
        if (graceful) {
            c.stream.close();
        } else {
            c.stream.abort();
        }
    }

    void countStaleRetry() {
        lock.lock();
        try {
            staleRetries++;
        } finally {
            lock.unlock();
        }
    }

    PoolStats stats() {
        lock.lock();
        try {
            return new PoolStats(open, idle, open - idle, waiters.size(), created, reused, discarded, expired,
                    staleRetries);
        } finally {
            lock.unlock();
        }
    }

    /** Closes idle connections and refuses new requests; busy connections are closed when released. */
    void close() {
        List<PooledConnection> toClose = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Host host : List.copyOf(hosts.values())) { // forget() removes hosts left empty
                for (PooledConnection c; (c = host.idle.pollFirst()) != null; ) {
                    idle--;
                    forget(host, c);
                    toClose.add(c);
                }
            }
            if (sweep != null) {
                sweep.cancel();
                sweep = null;
            }
            wakeWaiters();
        } finally {
            lock.unlock();
        }
        for (PooledConnection c : toClose) {
            c.stream.abort(); // idle: nothing in flight to lose, and close() must not wait for peers
        }
    }

    // ---- under the lock ----

    private void forget(Host host, PooledConnection c) {
        host.open--;
        open--;
        if (host.open == 0 && host.idle.isEmpty()) {
            hosts.remove(c.endpoint);
        }
    }

    /** At the total limit: closes the oldest idle connection of another endpoint, if any. */
    private boolean evictIdleElsewhere(Endpoint endpoint, List<PooledConnection> toClose) {
        Host oldestHost = null;
        for (Map.Entry<Endpoint, Host> e : hosts.entrySet()) {
            PooledConnection first = e.getValue().idle.peekFirst();
            if (!e.getKey().equals(endpoint) && first != null && (oldestHost == null
                    || first.idleSinceNanos < oldestHost.idle.peekFirst().idleSinceNanos)) {
                oldestHost = e.getValue();
            }
        }
        if (oldestHost == null) {
            return false;
        }
        PooledConnection victim = oldestHost.idle.pollFirst();
        idle--;
        discarded++;
        forget(oldestHost, victim);
        toClose.add(victim);
        return true;
    }

    private void wakeWaiters() {
        for (Event e : waiters) {
            e.set();
        }
        waiters.clear();
    }

    private void armSweep() {
        if (sweep == null && !closed) {
            sweep = scheduler.callLater(Duration.ofNanos(idleNanos), this::sweepIdle);
        }
    }

    /** Timer callback: closes the connections idle for the idle timeout, and re-arms for the next one. */
    private void sweepIdle() {
        List<PooledConnection> due = new ArrayList<>();
        lock.lock();
        try {
            sweep = null;
            if (closed) {
                return;
            }
            long now = scheduler.clock().nanoTime();
            long nextDue = Long.MAX_VALUE;
            for (Iterator<Host> hostIterator = hosts.values().iterator(); hostIterator.hasNext(); ) {
                Host host = hostIterator.next();
                for (Iterator<PooledConnection> it = host.idle.iterator(); it.hasNext(); ) {
                    PooledConnection c = it.next();
                    long left = c.idleSinceNanos + idleNanos - now;
                    if (left <= 0) {
                        it.remove();
                        idle--;
                        expired++;
                        host.open--;
                        open--;
                        due.add(c);
                    } else {
                        nextDue = Math.min(nextDue, left);
                    }
                }
                if (host.open == 0 && host.idle.isEmpty()) {
                    hostIterator.remove();
                }
            }
            if (nextDue != Long.MAX_VALUE) {
                sweep = scheduler.callLater(Duration.ofNanos(nextDue), this::sweepIdle);
            }
            if (!due.isEmpty()) {
                wakeWaiters();
            }
        } finally {
            lock.unlock();
        }
        if (!due.isEmpty()) {
            scheduler.spawn("http client: close idle connections", () -> closeAll(due));
        }
    }

    private static void closeAll(List<PooledConnection> connections) {
        for (PooledConnection c : connections) {
            c.stream.close();
        }
        connections.clear();
    }
}
