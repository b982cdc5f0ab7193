package org.picogate.streams.runtime;

import java.time.Duration;
import java.util.Objects;

import org.picogate.streams.StreamState;

/**
 * One open stream: a connection a server accepted, or a client stream.
 *
 * @param remoteAddress the peer's address and port ({@code 192.0.2.7:51234}, {@code [::1]:51234})
 * @param age how long it has been open, on the scheduler's clock
 * @param state where it is in the close state machine (a closed stream leaves the snapshot)
 * @param tls whether it is TLS
 * @param bytesIn bytes read from the peer so far
 * @param bytesOut bytes written to the peer so far
 */
public record StreamDTO(String remoteAddress, Duration age, StreamState state, boolean tls, long bytesIn,
        long bytesOut) {

    public StreamDTO {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(state, "state");
    }
}
