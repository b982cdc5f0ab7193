package org.picogate.scheduler.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.picogate.scheduler.CancelledException;
import org.picogate.scheduler.Task;

/** A task: the body, run on its own virtual thread, and its outcome for joiners. */
final class TaskImpl<T> implements Task<T>, Runnable {
    final SchedulerCore core;
    final Owner owner;
    final long startNanos;
    private final String name;
    private final TaskGroupImpl group;
    private Callable<T> body;
    Thread thread;
    private volatile State state = State.RUNNING;
    private T result;
    Throwable failure;
    private volatile boolean cancelRequested;
    /** The wait this task is parked in; tracked under virtual time only (see {@link SchedulerCore#park}). */
    volatile Waiter currentWaiter;
    /** A cancellation not yet delivered; used under virtual time only (see {@link SchedulerCore#park}). */
    volatile boolean cancelPending;
    /** Threads in {@link #join}; created on the first join, guarded by {@code this}. */
    private WaitList joiners;

    TaskImpl(SchedulerCore core, Owner owner, String name, Callable<T> body, TaskGroupImpl group, long now) {
        this.core = core;
        this.owner = owner;
        this.name = name;
        this.body = body;
        this.group = group;
        this.startNanos = now;
    }

    @Override
    public void run() {
        Callable<T> b = body;
        body = null;
        State outcome;
        try {
            if (cancelRequested) {
                throw new CancelledException("task '" + name + "' was cancelled before it started");
            }
            result = b.call();
            outcome = State.SUCCEEDED;
        } catch (Throwable t) {
            failure = t;
            outcome = t instanceof CancelledException || (cancelRequested && isInterruptReaction(t))
                    ? State.CANCELLED : State.FAILED;
        }
        // Bookkeeping first, state last: whoever sees the task ended (a joiner, the group) also sees it
        // gone from the registry and its failure recorded.
        if (group != null) {
            group.childEnded(this, outcome);
        }
        core.taskEnded(this, outcome);
        WaitList toWake;
        synchronized (this) {
            state = outcome;
            toWake = joiners;
            joiners = null;
        }
        if (toWake != null) {
            toWake.signalAll();
        }
        core.runnable(-1);
    }

    /** How JDK blocking calls react to the interrupt that delivers a cancellation. */
    private static boolean isInterruptReaction(Throwable t) {
        return t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                || t instanceof java.nio.channels.AsynchronousCloseException
                || t instanceof java.net.SocketException;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String owner() {
        return owner.name;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public boolean cancel() {
        if (state != State.RUNNING) {
            return false;
        }
        cancelRequested = true;
        core.deliverCancel(thread, this);
        return true;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    @Override
    public T join() throws ExecutionException {
        awaitEnd(false, 0);
        return outcome();
    }

    @Override
    public T join(Duration timeout) throws ExecutionException, TimeoutException {
        long deadline = core.deadlineAfter(timeout, "timeout");
        if (!awaitEnd(true, deadline)) {
            throw new TimeoutException("task '" + name + "' still running after " + timeout);
        }
        return outcome();
    }

    /** Blocks until the task ended or the deadline passed; returns whether it ended. */
    boolean awaitEnd(boolean timed, long deadline) {
        if (state != State.RUNNING) {
            return true;
        }
        Waiter w = core.newWaiter();
        synchronized (this) {
            if (state != State.RUNNING) {
                return true;
            }
            if (joiners == null) {
                joiners = new WaitList();
            }
            joiners.add(w);
        }
        int outcome = core.park(w, timed, deadline);
        if (outcome != Waiter.SIGNALLED) {
            synchronized (this) {
                if (joiners != null) {
                    joiners.remove(w);
                }
            }
        }
        if (outcome == Waiter.CANCELLED) {
            throw core.cancelled("joining task '" + name + "'");
        }
        return state != State.RUNNING;
    }

    private T outcome() throws ExecutionException {
        switch (state) {
            case SUCCEEDED:
                return result;
            case FAILED:
                throw new ExecutionException("task '" + name + "' failed: " + failure, failure);
            default:
                CancellationException cancelled = new CancellationException("task '" + name + "' was cancelled");
                cancelled.initCause(failure);
                throw cancelled;
        }
    }

    @Override
    public String toString() {
        return "Task[" + name + ", " + owner.name + ", " + state + "]";
    }
}
