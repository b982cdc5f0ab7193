package org.picogate.scheduler;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/** A flag tasks can wait for, like {@code asyncio.Event}. Waits follow the scheduler's clock. */
@ProviderType
public interface Event {

    /** Sets the flag and wakes every waiter. */
    void set();

    /** Clears the flag; later waits block until the next {@link #set()}. */
    void clear();

    boolean isSet();

    /**
     * Blocks until the flag is set.
     *
     * @throws CancelledException if the calling task is cancelled
     */
    void await();

    /**
     * Blocks until the flag is set or {@code timeout} passes.
     *
     * @return {@code true} if the flag was set, {@code false} on timeout
     * @throws CancelledException if the calling task is cancelled
     */
    boolean await(Duration timeout);
}
