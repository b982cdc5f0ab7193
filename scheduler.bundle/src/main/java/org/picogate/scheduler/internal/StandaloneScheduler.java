package org.picogate.scheduler.internal;

import org.picogate.scheduler.Clock;
import org.picogate.scheduler.testing.TestScheduler;

/** A scheduler with its own core and a single owner, for use outside OSGi. */
public final class StandaloneScheduler extends OwnedScheduler implements TestScheduler {

    public StandaloneScheduler(Clock clock, String owner) {
        super(new SchedulerCore(clock), owner);
    }

    @Override
    public void close() {
        core.close();
    }

    /** The shared core, for white-box tests of this bundle. */
    SchedulerCore core() {
        return core;
    }
}
