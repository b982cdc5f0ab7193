package org.picogate.client;

/**
 * A snapshot of a session's connection pool.
 *
 * @param open connections open now, idle and busy
 * @param idle open connections waiting in the pool for a request
 * @param busy connections carrying a request or a response body not yet read
 * @param waiting requests waiting for a connection because the pool is full
 * @param created connections opened so far
 * @param reused requests sent on a pooled connection so far
 * @param discarded connections closed so far because they broke, timed out, were cancelled or were not reusable
 * @param expired idle connections closed so far after the idle timeout
 * @param staleRetries idempotent requests sent again on a fresh connection because the pooled one had been
 *        closed by the server
 */
public record PoolStats(int open, int idle, int busy, int waiting, long created, long reused, long discarded,
        long expired, long staleRetries) {
}
