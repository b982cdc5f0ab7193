package org.picogate.http.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * One open HTTP connection, as {@link HttpRuntime#connections()} saw it.
 *
 * @param remoteAddress the client's address and port ({@code 192.0.2.7:51234}, {@code [::1]:51234})
 * @param localPort the port of the listener that accepted it (a listener retired by a port change still serves its
 *        connections until they end)
 * @param age how long it has been open, on the scheduler's clock
 * @param requests the requests answered on it so far; the one being served is not counted
 * @param phase what it is doing
 * @param bytesIn bytes read from the client so far
 * @param bytesOut bytes written to the client so far
 * @param tls whether it is HTTPS
 */
public record ConnectionDTO(String remoteAddress, int localPort, Duration age, long requests, Phase phase,
        long bytesIn, long bytesOut, boolean tls) {

    public ConnectionDTO {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(phase, "phase");
    }

    /** Where a connection is between requests. */
    public enum Phase {
        /** Accepted, waiting for its first request. */
        NEW,
        /** Waiting for its next request (keep-alive). */
        IDLE,
        /** Serving a request, from its first byte until its answer is sent (a WebSocket or event stream stays so). */
        BUSY,
        /** Closed by the server while idle because its listener is being retired; its task is ending. */
        CLOSING
    }
}
