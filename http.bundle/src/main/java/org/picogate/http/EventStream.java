package org.picogate.http;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Server-sent events ({@code text/event-stream}, WHATWG HTML 9.2) on one response, from {@link Response#sse()}.
 * Each event is written through at once. A comment line goes out as a heartbeat whenever nothing was sent for
 * the heartbeat interval, so that proxies keep the connection and a departed client is noticed.
 *
 * <p>Once the client has gone (a write fails) the stream is {@link #closed()} and every send returns
 * {@code false}: a handler loops {@code while (events.send(...))} and returns. Safe to use from several tasks.
 */
@ProviderType
public interface EventStream extends AutoCloseable {

    /** Sends an event of the default type ({@code message}); {@code data} may have several lines. */
    boolean send(String data);

    /**
     * Sends an event.
     *
     * @param event its type, or {@code null} for {@code message}; one line
     * @param data its data; each line becomes a {@code data:} line
     * @return {@code false} if the client has gone (nothing sent)
     * @throws IllegalArgumentException if {@code event} has a line break
     */
    boolean send(String event, String data);

    /** Sends an event with an {@code id} (the client's {@code Last-Event-ID} on reconnection); one line. */
    boolean send(String event, String data, String id);

    /** Tells the client how long to wait before reconnecting. */
    boolean retry(Duration reconnectDelay);

    /** Sends a comment (ignored by clients). */
    boolean comment(String text);

    /** Whether the stream has ended: closed by the handler, or the client went away. */
    boolean closed();

    /** Ends the response. */
    @Override
    void close();
}
