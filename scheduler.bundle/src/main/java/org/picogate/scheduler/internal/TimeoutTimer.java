package org.picogate.scheduler.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The timer of one {@code withTimeout} scope. Firing cancels the scope's thread; the scope's exit disarms it.
 * The two race, so {@link #phase} makes the exit wait out a firing in progress: afterwards the exit knows
 * for sure whether an interrupt was (or will never be) delivered, and can clear it.
 */
final class TimeoutTimer extends TimerEntry {
    private static final int ARMED = 0;
    private static final int FIRING = 1;
    private static final int FIRED = 2;
    private static final int DISARMED = 3;
    private static final VarHandle PHASE;
    static {
        try {
            PHASE = MethodHandles.lookup().findVarHandle(TimeoutTimer.class, "phase", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SchedulerCore core;
    private final Thread thread;
    private final TaskImpl<?> task;
    private volatile int phase;

    TimeoutTimer(SchedulerCore core, Thread thread, TaskImpl<?> task) {
        this.core = core;
        this.thread = thread;
        this.task = task;
    }

    @Override
    void fire() {
        index = DONE;
        if (PHASE.compareAndSet(this, ARMED, FIRING)) {
            core.deliverCancel(thread, task);
            phase = FIRED;
        }
    }

    /** Takes the timer off the heap; returns whether it fired (the scope was cancelled by its timeout). */
    boolean disarm() {
        core.timers.remove(this);
        if (PHASE.compareAndSet(this, ARMED, DISARMED)) {
            return false;
        }
        while (phase == FIRING) {
            Thread.onSpinWait();
        }
        return true;
    }
}
