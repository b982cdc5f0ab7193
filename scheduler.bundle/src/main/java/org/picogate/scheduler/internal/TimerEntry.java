package org.picogate.scheduler.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One slot of the timer heap, kept small on purpose (a pending timer should cost at most ~40 bytes): the
 * deadline, a 32-bit submission sequence that breaks ties, and the slot index that makes removal O(log n).
 * Subclasses add only what their firing needs.
 *
 * <p>{@link #index} is the entry's state: {@code >= 0} while in the heap (changed only under the heap's
 * lock), {@link #QUEUED} once handed over to run, {@link #DONE} when it ran or was cancelled. Leaving the
 * heap happens under the lock; QUEUED to DONE is a CAS, so a cancel and a run can race safely.
 */
abstract class TimerEntry {
    static final int QUEUED = -1;
    static final int DONE = -2;

    private static final VarHandle INDEX;
    static {
        try {
            INDEX = MethodHandles.lookup().findVarHandle(TimerEntry.class, "index", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    long deadline;
    int seq;
    volatile int index = DONE;

    /** Runs on the thread that took the entry off the heap; must be quick and must not throw. */
    abstract void fire();

    /** Claims a queued entry for running or cancelling; only one caller wins. */
    final boolean claim() {
        return INDEX.compareAndSet(this, QUEUED, DONE);
    }

    /** Heap order: earlier deadline first, then earlier submission; both compared overflow-safely. */
    final boolean before(TimerEntry other) {
        long d = deadline - other.deadline;
        return d < 0 || (d == 0 && seq - other.seq < 0);
    }
}
