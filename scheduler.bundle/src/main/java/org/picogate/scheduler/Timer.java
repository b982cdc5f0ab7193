package org.picogate.scheduler;

import org.osgi.annotation.versioning.ProviderType;

/** A callback scheduled on the scheduler's clock ({@link Scheduler#callLater} and friends). */
@ProviderType
public interface Timer {

    /**
     * Removes this timer from the queue if it has not fired yet.
     *
     * @return {@code true} if this call stopped the callback from running; {@code false} if it had already
     *         fired or been cancelled
     */
    boolean cancel();

    /** When the timer is (or was) due, on the scale of {@link Clock#nanoTime()}. */
    long deadlineNanos();
}
