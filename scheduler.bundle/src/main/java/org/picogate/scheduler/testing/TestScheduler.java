package org.picogate.scheduler.testing;

import org.picogate.scheduler.Clock;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.internal.StandaloneScheduler;

/**
 * A scheduler outside OSGi, on any clock: for unit tests (with a {@link VirtualClock}) and benchmarks (with
 * {@link Clock#system()}). It has one owner; {@link #close()} cancels its tasks and stops its timer thread.
 */
public interface TestScheduler extends Scheduler, AutoCloseable {

    /** Starts a scheduler on {@code clock} whose tasks and timers belong to {@code owner}. */
    static TestScheduler start(Clock clock, String owner) {
        return new StandaloneScheduler(clock, owner);
    }

    @Override
    void close();
}
