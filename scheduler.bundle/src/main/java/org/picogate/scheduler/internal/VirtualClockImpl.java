package org.picogate.scheduler.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.scheduler.testing.VirtualClock;

/** See {@link VirtualClock}. Steps (advance, auto-jump) are serialized by one lock. */
public final class VirtualClockImpl implements VirtualClock {
    private final ReentrantLock stepping = new ReentrantLock();
    private volatile long now;
    private volatile SchedulerCore core;
    private volatile boolean autoJump;
    private volatile Duration settleTimeout = Duration.ofSeconds(1);

    public VirtualClockImpl(long start) {
        this.now = start;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void advance(Duration duration) {
        long target = now + SchedulerCore.nonNegative(duration, "duration").toNanos();
        stepping.lock();
        try {
            SchedulerCore c = core;
            if (c != null) {
                c.awaitIdle(settleTimeout);
                while (c.fireNextDue(target)) {
                    c.awaitIdle(settleTimeout);
                }
            }
            moveTo(target);
        } finally {
            stepping.unlock();
        }
    }

    @Override
    public VirtualClock autoJump() {
        autoJump = true;
        return this;
    }

    @Override
    public VirtualClock settleTimeout(Duration timeout) {
        this.settleTimeout = SchedulerCore.nonNegative(timeout, "timeout");
        return this;
    }

    boolean autoJumping() {
        return autoJump;
    }

    /** Auto-jump step, from the scheduler's timer thread: fires the earliest timer, moving time to it. */
    void jumpToNextDeadline() {
        stepping.lock();
        try {
            SchedulerCore c = core;
            if (c != null && c.idle()) {
                c.fireNextDue(c.nextDeadline(now));
            }
        } finally {
            stepping.unlock();
        }
    }

    void moveTo(long time) {
        if (time - now > 0) {
            now = time;
        }
    }

    void attach(SchedulerCore scheduler) {
        Objects.requireNonNull(scheduler, "scheduler");
        stepping.lock();
        try {
            if (core != null) {
                throw new IllegalStateException("this virtual clock already drives a scheduler");
            }
            core = scheduler;
        } finally {
            stepping.unlock();
        }
    }

    void detach(SchedulerCore scheduler) {
        stepping.lock();
        try {
            if (core == scheduler) {
                core = null;
            }
        } finally {
            stepping.unlock();
        }
    }
}
