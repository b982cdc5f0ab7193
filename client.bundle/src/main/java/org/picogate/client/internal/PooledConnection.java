package org.picogate.client.internal;

import org.picogate.streams.Stream;

/**
 * A connection of the pool: its stream and what the pool knows of it. Fields other than the stream are guarded
 * by the pool's lock.
 */
final class PooledConnection {
    final Stream stream;
    final Endpoint endpoint;
    /** When it last went idle, on the scheduler's clock. */
    long idleSinceNanos;
    /** Requests sent on it so far: more than one makes it a reused connection, which may be stale. */
    int requests;

    PooledConnection(Stream stream, Endpoint endpoint) {
        this.stream = stream;
        this.endpoint = endpoint;
    }

    /** Whether a request was sent on it before the current one. */
    boolean reused() {
        return requests > 1;
    }

    @Override
    public String toString() {
        return endpoint + " " + stream.localAddress() + " (" + requests + " requests)";
    }
}
