package org.picogate.streams;

/**
 * Counters of one {@link StreamServer}.
 *
 * @param open connections open now
 * @param accepted connections accepted since the server started
 * @param rejected connections closed at once because {@code maxConnections} were open
 * @param failedHandshakes accepted connections dropped because their TLS handshake failed (or timed out)
 * @param bytesIn bytes read from closed and open connections
 * @param bytesOut bytes written to closed and open connections
 */
public record ServerStats(int open, long accepted, long rejected, long failedHandshakes, long bytesIn,
        long bytesOut) {
}
