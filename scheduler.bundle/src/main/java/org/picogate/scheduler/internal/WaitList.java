package org.picogate.scheduler.internal;

import java.util.concurrent.locks.ReentrantLock;

/** A FIFO of waiters, linked through {@link Waiter#next}; guarded by the lock of the object that owns it. */
final class WaitList {

    /**
     * Parks {@code w}, already added to this list under {@code lock} (which the caller released), until it is
     * signalled, times out or is cancelled; a waiter that was not signalled takes itself off the list.
     *
     * @return {@link Waiter#SIGNALLED} or {@link Waiter#TIMED_OUT}
     * @throws org.picogate.scheduler.CancelledException if the waiting task was cancelled
     */
    int await(ReentrantLock lock, Waiter w, SchedulerCore core, boolean timed, long deadline, String doing) {
        int outcome = core.park(w, timed, deadline);
        if (outcome != Waiter.SIGNALLED) {
            lock.lock();
            try {
                remove(w);
            } finally {
                lock.unlock();
            }
        }
        if (outcome == Waiter.CANCELLED) {
            throw core.cancelled(doing);
        }
        return outcome;
    }

    private Waiter head;
    private Waiter tail;

    void add(Waiter w) {
        w.next = null;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
    }

    void remove(Waiter w) {
        Waiter prev = null;
        for (Waiter cur = head; cur != null; prev = cur, cur = cur.next) {
            if (cur == w) {
                if (prev == null) {
                    head = cur.next;
                } else {
                    prev.next = cur.next;
                }
                if (tail == cur) {
                    tail = prev;
                }
                cur.next = null;
                return;
            }
        }
    }

    /** Signals the first waiter still waiting; returns whether one was woken. */
    boolean signalOne() {
        Waiter w;
        while ((w = head) != null) {
            head = w.next;
            if (head == null) {
                tail = null;
            }
            w.next = null;
            if (w.wake(Waiter.SIGNALLED)) {
                return true;
            }
        }
        return false;
    }

    void signalAll() {
        while (signalOne()) {
            // each call removes at least one waiter
        }
    }
}
