package org.picogate.scheduler.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.scheduler.CancelledException;
import org.picogate.scheduler.SchedulerStats.OwnerStats;

/**
 * Everything one consumer (a bundle) created: its live tasks, its pending callbacks and the FIFO that runs
 * them. Closing the owner cancels all of it and waits, up to the grace time, for its tasks to end.
 *
 * <p>Due callbacks run one after another on a single short-lived "callbacks" task of the owner, started
 * when the FIFO gets work and ended when it is empty: FIFO order holds, and a burst of callbacks costs one
 * virtual thread, not one each.
 */
final class Owner {
    /** Stragglers named in the log line at most; a bundle with a million stuck tasks gets one short line. */
    private static final int NAMES_LOGGED = 20;
    final SchedulerCore core;
    final String name;
    final LongAdder spawned = new LongAdder();
    private final AtomicInteger liveTasks = new AtomicInteger();
    private final AtomicInteger pendingTimers = new AtomicInteger();
    private final ConcurrentLinkedQueue<CallbackTimer> ready = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ReentrantLock closeLock = new ReentrantLock();
    private final Condition allEnded = closeLock.newCondition();
    private volatile boolean closed;

    Owner(SchedulerCore core, String name) {
        this.core = core;
        this.name = name;
    }

    void admitTask(boolean exempt) {
        if (closed) {
            throw new RejectedExecutionException("the scheduler of " + name + " is closed");
        }
        int live = liveTasks.incrementAndGet();
        int max = core.maxTasksPerOwner();
        if (!exempt && max > 0 && live > max) {
            liveTasks.decrementAndGet();
            throw new RejectedExecutionException(name + " already has " + max
                    + " live tasks, the limit set by maxTasksPerBundle");
        }
    }

    void taskEnded() {
        if (liveTasks.decrementAndGet() == 0 && closed) {
            closeLock.lock();
            try {
                allEnded.signalAll();
            } finally {
                closeLock.unlock();
            }
        }
    }

    // ---- callbacks ----

    CallbackTimer schedule(long deadline, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        CallbackTimer timer = acceptTimer(callback);
        core.timers.add(timer, deadline);
        core.timerAdded();
        return timer;
    }

    private CallbackTimer acceptTimer(Runnable callback) {
        if (closed) {
            throw new RejectedExecutionException("the scheduler of " + name + " is closed");
        }
        pendingTimers.incrementAndGet();
        return new CallbackTimer(this, callback);
    }

    boolean cancel(CallbackTimer timer) {
        if (core.timers.remove(timer) || timer.claim()) {
            pendingTimers.decrementAndGet();
            return true;
        }
        return false;
    }

    /** Appends a due callback to the FIFO and makes sure a runner drains it. */
    void runSoon(CallbackTimer timer) {
        ready.add(timer);
        startDraining();
    }

    /** Appends a due callback without starting the runner: the timer thread starts it once per batch. */
    void enqueue(CallbackTimer timer) {
        ready.add(timer);
    }

    /** Makes sure a runner drains the FIFO. */
    void startDraining() {
        if (!ready.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                core.spawn(this, "callbacks of " + name, this::drain, null, true);
            } catch (RejectedExecutionException ownerClosed) {
                discardReady();
            }
        }
    }

    private Void drain() {
        do {
            for (CallbackTimer t; (t = ready.poll()) != null;) {
                if (t.claim()) {
                    pendingTimers.decrementAndGet();
                    try {
                        t.callback.run();
                    } catch (CancelledException stop) {
                        throw stop;
                    } catch (Throwable failure) {
                        core.callbackFailed(this, failure);
                    }
                }
            }
            draining.set(false);
        } while (!ready.isEmpty() && draining.compareAndSet(false, true));
        return null;
    }

    private void discardReady() {
        for (CallbackTimer t; (t = ready.poll()) != null;) {
            if (t.claim()) {
                pendingTimers.decrementAndGet();
            }
        }
        draining.set(false);
    }

    // ---- life ----

    OwnerStats stats() {
        return new OwnerStats(liveTasks.get(), pendingTimers.get(), spawned.sum());
    }

    /**
     * Cancels every timer and task of this owner and waits, in real time up to the grace time, for the tasks
     * to end. Tasks that ignore cancellation are logged by name. Idempotent.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        int removed = core.timers.removeIf(e -> e instanceof CallbackTimer c && c.owner == this).size();
        pendingTimers.addAndGet(-removed);
        discardReady();
        for (TaskImpl<?> t : core.liveTasks()) {
            if (t.owner == this) {
                t.cancel();
            }
        }
        long left = core.grace().toNanos();
        closeLock.lock();
        try {
            while (liveTasks.get() > 0 && left > 0) {
                left = allEnded.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeLock.unlock();
        }
        if (liveTasks.get() > 0) {
            List<String> names = new ArrayList<>();
            for (TaskImpl<?> t : core.liveTasks()) {
                if (t.owner == this && names.size() < NAMES_LOGGED) {
                    names.add(t.name());
                }
            }
            int running = liveTasks.get();
            SchedulerCore.LOG.log(Level.WARNING, () -> name + ": " + running + " task(s) still running "
                    + core.grace().toMillis() + " ms after cancellation, such as " + names);
        }
        core.ownerClosed(this);
    }

    boolean isClosed() {
        return closed;
    }
}
