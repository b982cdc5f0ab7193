package org.picogate.scheduler.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One blocked thread in one wait. Whoever ends the wait (a signal, its timeout timer, a cancellation) must win
 * the CAS out of {@link #NEW} or {@link #WAITING}; so exactly one outcome is delivered and a signal is never
 * spent on a waiter that already timed out or was cancelled.
 *
 * <p>NEW is a waiter registered but not yet parked; its thread moves it to WAITING just before parking and,
 * under virtual time, counts its task as blocked then. A waker that ends a WAITING wait counts the task as
 * runnable again before unparking it; one that ends a NEW wait does not (it was never counted as blocked).
 * This keeps the scheduler's count of runnable tasks exact, so virtual time never jumps while a woken task
 * has yet to run.
 */
final class Waiter {
    static final int NEW = 0;
    static final int WAITING = 4;
    static final int SIGNALLED = 1;
    static final int TIMED_OUT = 2;
    static final int CANCELLED = 3;

    private static final VarHandle STATE;
    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Thread thread;
    /** The task whose runnable count this wait affects, or {@code null} when not counted. */
    final TaskImpl<?> task;
    private volatile int state;
    /** Link for the intrusive wait lists of events, channels and joins. */
    Waiter next;

    Waiter(Thread thread, TaskImpl<?> task) {
        this.thread = thread;
        this.task = task;
    }

    int state() {
        return state;
    }

    /** Whether the wait is still open (NEW or WAITING). */
    boolean open() {
        int s = state;
        return s == NEW || s == WAITING;
    }

    /** The waiting thread's move from NEW to WAITING; fails if the wait was already ended. */
    boolean startWaiting() {
        return STATE.compareAndSet(this, NEW, WAITING);
    }

    boolean wake(int outcome) {
        while (true) {
            int s = state;
            if (s != NEW && s != WAITING) {
                return false;
            }
            if (STATE.compareAndSet(this, s, outcome)) {
                if (s == WAITING && task != null) {
                    task.core.runnable(+1);
                }
                LockSupport.unpark(thread);
                return true;
            }
        }
    }
}
