package org.picogate.streams;

/**
 * Where a {@link Stream} is in its life. Transitions:
 *
 * <pre>
 *            shutdownOutput()                      peer's EOF read
 *   OPEN ─────────────────────► OUTPUT_SHUT ─────────────────────────┐
 *     │                                                              ▼
 *     │ peer's EOF read         shutdownOutput()                  CLOSED  (resources released)
 *     └─────────────────────► INPUT_EOF ─────────────────────────────▲
 *   any state but CLOSED ── close() ─────────────────────────────────┘
 *   any state but CLOSED ── abort(), a reset by the peer, a read timeout, a cancelled read ──► ABORTED
 * </pre>
 *
 * <ul>
 * <li>{@link #OUTPUT_SHUT}: we sent FIN (half-close); reading goes on, writing throws.</li>
 * <li>{@link #INPUT_EOF}: the peer sent FIN; reads return end of input, writing goes on.</li>
 * <li>{@link #CLOSED}: both directions ended gracefully; {@code close()} drains what was written, sends FIN,
 * waits a bounded time (the linger) for the peer's EOF, then releases the socket. A stream whose two
 * directions have ended on their own is released at once.</li>
 * <li>{@link #ABORTED}: ended at once (TCP reset where there is a socket); unsent bytes are discarded.</li>
 * </ul>
 * Closing or aborting again is harmless; reading a CLOSED or ABORTED stream throws.
 */
public enum StreamState {
    OPEN, OUTPUT_SHUT, INPUT_EOF, CLOSED, ABORTED;

    /** Whether bytes may still be written. */
    public boolean canWrite() {
        return this == OPEN || this == INPUT_EOF;
    }

    /** Whether the stream has ended for good (CLOSED or ABORTED). */
    public boolean isFinal() {
        return this == CLOSED || this == ABORTED;
    }
}
