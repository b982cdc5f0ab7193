package org.picogate.http.websocket;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's end of one WebSocket connection (RFC 6455), after the opening handshake.
 *
 * <p>One task receives at a time; any number of tasks may send, also while one receives (each message goes out
 * whole, never interleaved with another). The connection ends with the closing handshake: by the peer (its close
 * frame is answered and {@link #receive()} returns it), by {@link #close(int, String)} (which waits for the peer's
 * close frame at most {@link WebSocketOptions#closeTimeout()} on the scheduler's clock), or by a protocol error of
 * the peer (answered with the close code RFC 6455 names for it). Then the TCP connection is closed.
 *
 * <p>Cancelling a task blocked in {@link #receive()} aborts the connection (as with any stream read).
 */
@ProviderType
public interface WebSocket extends AutoCloseable {

    /**
     * The next whole message. Fragmented messages come joined; pings are answered with pongs and pongs dropped,
     * as they arrive.
     *
     * @return a {@link Message.Text} or {@link Message.Binary}; at the end of the connection, once, a
     *         {@link Message.Close} with the peer's code and reason ({@link CloseCodes#NO_STATUS} if it sent none),
     *         the code this end failed the connection with, or {@link CloseCodes#ABNORMAL} if the connection
     *         ended without a close frame; after that {@code null}
     */
    Message receive() throws IOException;

    /**
     * Sends a text message in one frame.
     *
     * @throws IOException if the connection failed, or is closing (a close frame was sent or received)
     */
    void sendText(String text) throws IOException;

    /** Sends a binary message in one frame; see {@link #sendText(String)}. */
    void sendBinary(byte[] data) throws IOException;

    /**
     * Sends a ping; the peer's pong is consumed by {@link #receive()}.
     *
     * @throws IllegalArgumentException if {@code payload} is longer than 125 bytes
     */
    void ping(byte[] payload) throws IOException;

    /**
     * Starts the closing handshake and waits for it to end: sends a close frame, then waits for the peer's (data
     * that arrives meanwhile is dropped) at most {@link WebSocketOptions#closeTimeout()}, then closes the
     * connection. If the connection is closing already (by the peer, or by another task), waits for that to end.
     *
     * @param code one that may be sent: 1000..1003, 1007..1014, or 3000..4999 (see {@link CloseCodes})
     * @param reason at most 123 bytes in UTF-8
     * @throws IllegalArgumentException if the code may not be sent or the reason is too long
     */
    void close(int code, String reason) throws IOException;

    /** {@code close(CloseCodes.NORMAL, "")}. */
    @Override
    default void close() throws IOException {
        close(CloseCodes.NORMAL, "");
    }

    /** The subprotocol agreed in the handshake ({@code Sec-WebSocket-Protocol}), or {@code null}. */
    String subprotocol();

    /** Whether messages may still be sent: no close frame was sent or received and the connection is up. */
    boolean isOpen();
}
