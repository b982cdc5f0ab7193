package org.picogate.scheduler;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Monotonic time for the scheduler and everything that waits on it.
 *
 * <p>{@link #system()} follows {@link System#nanoTime()}. A clock whose time moves only when told (the test
 * {@code VirtualClock}) makes timeouts, idle limits and retries testable without real waiting: code must take
 * its time from {@link Scheduler#clock()}, never from {@code System.nanoTime()} directly.
 */
@ConsumerType
public interface Clock {

    /** Current time in nanoseconds; only differences between two readings are meaningful. */
    long nanoTime();

    /** The clock of real, monotonic time. */
    static Clock system() {
        return System::nanoTime;
    }
}
