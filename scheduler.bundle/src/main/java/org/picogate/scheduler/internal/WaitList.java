package org.picogate.scheduler.internal;

/** A FIFO of waiters, linked through {@link Waiter#next}; guarded by the lock of the object that owns it. */
final class WaitList {
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
