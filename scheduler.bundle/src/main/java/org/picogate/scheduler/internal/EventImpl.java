package org.picogate.scheduler.internal;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.scheduler.Event;

final class EventImpl implements Event {
    private final SchedulerCore core;
    private final ReentrantLock lock = new ReentrantLock();
    private final WaitList waiters = new WaitList();
    private volatile boolean set;

    EventImpl(SchedulerCore core) {
        this.core = core;
    }

    @Override
    public void set() {
        lock.lock();
        try {
            set = true;
            waiters.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clear() {
        set = false;
    }

    @Override
    public boolean isSet() {
        return set;
    }

    @Override
    public void await() {
        awaitUntil(false, 0);
    }

    @Override
    public boolean await(Duration timeout) {
        return awaitUntil(true, core.deadlineAfter(timeout, "timeout"));
    }

    private boolean awaitUntil(boolean timed, long deadline) {
        if (set) {
            return true;
        }
        Waiter w = core.newWaiter();
        lock.lock();
        try {
            if (set) {
                return true;
            }
            waiters.add(w);
        } finally {
            lock.unlock();
        }
        int outcome = waiters.await(lock, w, core, timed, deadline, "waiting for an event");
        return outcome == Waiter.SIGNALLED || set;
    }
}
