package org.picogate.scheduler;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A bounded FIFO queue between tasks with backpressure, like {@code asyncio.Queue} that can be closed.
 *
 * <p>{@link #send} blocks while the channel is full; {@link #receive} blocks while it is empty. After
 * {@link #close()} sends fail, receivers still get every item already sent, then {@link ChannelClosedException}
 * (iteration simply ends). Waits follow the scheduler's clock; a cancelled task's wait throws
 * {@link CancelledException} and leaves the channel unchanged.
 *
 * @param <T> item type; {@code null} items are rejected
 */
@ProviderType
public interface Channel<T> extends AutoCloseable, Iterable<T> {

    /**
     * Adds an item, waiting while the channel is full.
     *
     * @throws ChannelClosedException if the channel is (or becomes, while waiting) closed
     */
    void send(T item);

    /**
     * Adds an item, waiting at most {@code timeout} while the channel is full.
     *
     * @return {@code false} if the channel was still full after {@code timeout}
     */
    boolean send(T item, Duration timeout);

    /** Adds an item only if there is room now. */
    boolean trySend(T item);

    /**
     * Takes the oldest item, waiting while the channel is empty.
     *
     * @throws ChannelClosedException if the channel is closed and drained
     */
    T receive();

    /**
     * Takes the oldest item, waiting at most {@code timeout}.
     *
     * @throws TimeoutException if nothing arrived in time
     * @throws ChannelClosedException if the channel is closed and drained
     */
    T receive(Duration timeout) throws TimeoutException;

    /** Takes the oldest item if there is one now, else returns {@code null}. */
    T tryReceive();

    /** Items waiting to be received. */
    int size();

    int capacity();

    boolean isClosed();

    /** Refuses further sends; waiting senders fail, receivers drain what is left. Idempotent. */
    @Override
    void close();
}
