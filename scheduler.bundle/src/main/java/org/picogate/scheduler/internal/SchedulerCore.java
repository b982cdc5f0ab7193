package org.picogate.scheduler.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.picogate.scheduler.CancelledException;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.SchedulerStats;
import org.picogate.scheduler.SchedulerStats.OwnerStats;
import org.picogate.scheduler.TaskInfo;

/**
 * What all owners of one scheduler share: the clock, the timer heap and its thread, the registry of live
 * tasks, counters and settings. Owners ({@link Owner}) and their facades ({@link OwnedScheduler}) sit on top.
 *
 * <p>Under a {@link VirtualClockImpl} the timer thread fires nothing by itself: {@link VirtualClockImpl#advance} does,
 * step by step. To know when every task is blocked (so the clock may auto-jump, and an advance step has
 * settled), the core then counts runnable tasks: +1 on spawn and whenever a wait is ended by someone,
 * -1 when a task parks in a scheduler wait or ends. Only in virtual time; real time pays nothing for it.
 */
public final class SchedulerCore implements AutoCloseable {
    static final System.Logger LOG = System.getLogger("org.picogate.scheduler");
    /** Longest delay taken as is (~73 years); longer ones are capped so deadline arithmetic cannot overflow. */
    private static final long MAX_DELAY_NANOS = Long.MAX_VALUE >> 2;

    private final Clock clock;
    private final VirtualClockImpl virtualClock;
    final TimerQueue timers = new TimerQueue();
    private final ConcurrentHashMap<Thread, TaskImpl<?>> tasks = new ConcurrentHashMap<>();
    private final Set<Owner> owners = ConcurrentHashMap.newKeySet();
    private final LongAdder spawned = new LongAdder();
    private final LongAdder failedTasks = new LongAdder();
    private final LongAdder failedCallbacks = new LongAdder();
    private final AtomicInteger runnableTasks = new AtomicInteger();
    private final Thread timerThread;
    private volatile boolean closing;
    private volatile boolean stopped;
    private volatile long graceNanos = Duration.ofSeconds(2).toNanos();
    private volatile int maxTasksPerOwner;

    public SchedulerCore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.virtualClock = clock instanceof VirtualClockImpl v ? v : null;
        Runnable loop = virtualClock == null ? this::fireWhenDue : this::autoJumpWhenIdle;
        this.timerThread = Thread.ofPlatform().daemon().name("picogate-timer").unstarted(loop);
        if (virtualClock != null) {
            virtualClock.attach(this);
        }
        timerThread.start();
    }

    /** Applies settings live: they hold for owners closed and tasks spawned from now on. */
    public void configure(Duration grace, int maxTasksPerOwner) {
        this.graceNanos = nonNegative(grace, "grace").toNanos();
        if (maxTasksPerOwner < 0) {
            throw new IllegalArgumentException("maxTasksPerOwner must not be negative: " + maxTasksPerOwner);
        }
        this.maxTasksPerOwner = maxTasksPerOwner;
    }

    public Clock clock() {
        return clock;
    }

    Duration grace() {
        return Duration.ofNanos(graceNanos);
    }

    int maxTasksPerOwner() {
        return maxTasksPerOwner;
    }

    long now() {
        return clock.nanoTime();
    }

    Owner openOwner(String name) {
        Objects.requireNonNull(name, "owner");
        if (closing) {
            throw new IllegalStateException("scheduler is closed");
        }
        Owner owner = new Owner(this, name);
        owners.add(owner);
        return owner;
    }

    void ownerClosed(Owner owner) {
        owners.remove(owner);
    }

    // ---- tasks ----

    <T> TaskImpl<T> spawn(Owner owner, String name, Callable<T> body, TaskGroupImpl group, boolean exempt) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        owner.admitTask(exempt);
        TaskImpl<T> task = new TaskImpl<>(this, owner, name, body, group, now());
        Thread thread = Thread.ofVirtual().name(name).inheritInheritableThreadLocals(false).unstarted(task);
        task.thread = thread;
        tasks.put(thread, task);
        spawned.increment();
        owner.spawned.increment();
        runnable(+1);
        thread.start();
        return task;
    }

    /** Bookkeeping of a task that is ending; its runnable count is dropped separately, last. */
    void taskEnded(TaskImpl<?> task, org.picogate.scheduler.Task.State outcome) {
        tasks.remove(task.thread);
        if (outcome == org.picogate.scheduler.Task.State.FAILED) {
            failedTasks.increment();
            LOG.log(Level.WARNING, () -> "task '" + task.name() + "' of " + task.owner() + " failed", task.failure);
        }
        task.owner.taskEnded();
    }

    Collection<TaskImpl<?>> liveTasks() {
        return tasks.values();
    }

    /** The live tasks as {@link TaskInfo}s, by owner, then oldest first. */
    public List<TaskInfo> taskInfos() {
        long now = now();
        List<TaskImpl<?>> live = new ArrayList<>(tasks.values());
        live.sort(Comparator.comparing((TaskImpl<?> t) -> t.owner()).thenComparingLong(t -> t.startNanos));
        List<TaskInfo> infos = new ArrayList<>(live.size());
        for (TaskImpl<?> t : live) {
            infos.add(new TaskInfo(t.name(), t.owner(), t.state(), Duration.ofNanos(Math.max(0, now - t.startNanos))));
        }
        return infos;
    }

    /** The scheduler task running on the calling thread, or {@code null}. */
    TaskImpl<?> currentTask() {
        return tasks.get(Thread.currentThread());
    }

    void callbackFailed(Owner owner, Throwable failure) {
        failedCallbacks.increment();
        LOG.log(Level.WARNING, () -> "timer callback of " + owner.name + " failed", failure);
    }

    // ---- waiting ----

    /** A waiter for the calling thread; it is counted only under virtual time, where counting is needed. */
    Waiter newWaiter() {
        Thread self = Thread.currentThread();
        return new Waiter(self, virtualClock == null ? null : tasks.get(self));
    }

    /**
     * Parks the calling thread until {@code w} is woken, its deadline passes, or the thread is cancelled.
     * Returns the outcome: {@link Waiter#SIGNALLED}, {@link Waiter#TIMED_OUT} or {@link Waiter#CANCELLED}; on
     * CANCELLED the cancellation is consumed, as it is delivered once.
     *
     * <p>Real time: a cancellation is an interrupt. Virtual time: it is the task's {@code cancelPending} flag,
     * checked after publishing {@code currentWaiter}, while a canceller sets the flag before reading
     * {@code currentWaiter}; so either the canceller ends this wait itself (keeping the runnable count exact),
     * or this thread sees the flag before it parks. Interrupts alone are then ignored by waits.
     */
    int park(Waiter w, boolean timed, long deadline) {
        TaskImpl<?> task = w.task;
        WakeTimer timer = null;
        try {
            if (task != null) {
                task.currentWaiter = w;
                if (task.cancelPending) {
                    w.wake(Waiter.CANCELLED);
                }
            } else if (Thread.interrupted()) {
                w.wake(Waiter.CANCELLED);
            }
            if (timed && w.open()) {
                timer = new WakeTimer(w);
                timers.add(timer, deadline);
                timerAdded();
            }
            if (w.startWaiting()) {
                if (task != null) {
                    runnable(-1);
                }
                while (w.state() == Waiter.WAITING) {
                    LockSupport.park(w);
                    if (Thread.interrupted() && task == null && !w.wake(Waiter.CANCELLED)) {
                        Thread.currentThread().interrupt(); // woken otherwise meanwhile: keep it for later
                        break;
                    }
                }
            }
        } finally {
            if (timer != null) {
                timers.remove(timer);
            }
            if (task != null) {
                task.currentWaiter = null;
            }
        }
        int outcome = w.state();
        if (outcome == Waiter.CANCELLED) {
            if (task != null) {
                task.cancelPending = false;
            }
            Thread.interrupted();
        }
        return outcome;
    }

    /**
     * Delivers a cancellation to a thread: under virtual time, through the task's pending flag and its current
     * wait (see {@link #park}); otherwise, and in any case where the task is not in a scheduler wait, by
     * interrupting it, which also ends blocking I/O.
     */
    void deliverCancel(Thread thread, TaskImpl<?> task) {
        if (virtualClock == null || task == null) {
            thread.interrupt();
            return;
        }
        task.cancelPending = true;
        Waiter w = task.currentWaiter;
        if (w == null || !w.wake(Waiter.CANCELLED)) {
            thread.interrupt();
        }
    }

    CancelledException cancelled(String while_) {
        return new CancelledException(Thread.currentThread().getName() + " was cancelled while " + while_);
    }

    /** {@code now + d} on the scheduler clock, for an argument that must be a non-negative duration. */
    long deadlineAfter(Duration d, String argument) {
        long nanos;
        try {
            nanos = Math.min(nonNegative(d, argument).toNanos(), MAX_DELAY_NANOS);
        } catch (ArithmeticException tooLong) {
            nanos = MAX_DELAY_NANOS;
        }
        return now() + nanos;
    }

    static Duration nonNegative(Duration d, String argument) {
        Objects.requireNonNull(d, argument);
        if (d.isNegative()) {
            throw new IllegalArgumentException(argument + " must not be negative: " + d);
        }
        return d;
    }

    // ---- virtual time ----

    /** Virtual time: a new timer may be what an idle scheduler should jump to. */
    void timerAdded() {
        if (virtualClock != null) {
            LockSupport.unpark(timerThread);
        }
    }

    void runnable(int delta) {
        if (virtualClock != null && runnableTasks.addAndGet(delta) == 0) {
            LockSupport.unpark(timerThread);
        }
    }

    /** Virtual time: fires the earliest timer due by {@code upTo}, moving the clock to its deadline first. */
    boolean fireNextDue(long upTo) {
        TimerEntry due = timers.pollDue(upTo);
        if (due == null) {
            return false;
        }
        virtualClock.moveTo(due.deadline);
        fire(due);
        return true;
    }

    /** Virtual time: the earliest pending deadline, or {@code fallback}. */
    long nextDeadline(long fallback) {
        return timers.headDeadline(fallback);
    }

    boolean hasPendingTimers() {
        return timers.size() > 0;
    }

    /** Virtual time: whether every task is blocked in a scheduler wait (or there are none). */
    boolean idle() {
        return runnableTasks.get() <= 0;
    }

    /** Virtual time: waits (in real time, at most {@code max}) until every task is blocked or done. */
    boolean awaitIdle(Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (!idle()) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            LockSupport.parkNanos(20_000);
        }
        return true;
    }

    private void autoJumpWhenIdle() {
        while (!stopped) {
            LockSupport.parkNanos(10_000_000);
            if (virtualClock.autoJumping() && idle() && hasPendingTimers()) {
                virtualClock.jumpToNextDeadline();
            }
        }
    }

    // ---- real time ----

    /**
     * Real time: fires due timers in batches. Callbacks of a batch are queued first and each owner's runner is
     * started once after, so a burst of due callbacks runs on one callback task, not on one per race the runner
     * wins against the timer thread.
     */
    private void fireWhenDue() {
        TimerEntry[] batch = new TimerEntry[256];
        java.util.List<Owner> kicked = new java.util.ArrayList<>();
        while (!stopped) {
            int n = timers.takeDue(clock, batch);
            for (int i = 0; i < n; i++) {
                if (batch[i] instanceof CallbackTimer callback) {
                    callback.owner.enqueue(callback);
                    if (!kicked.contains(callback.owner)) {
                        kicked.add(callback.owner);
                    }
                } else {
                    fire(batch[i]);
                }
                batch[i] = null;
            }
            for (Owner owner : kicked) {
                owner.startDraining();
            }
            kicked.clear();
        }
    }

    private void fire(TimerEntry due) {
        try {
            due.fire();
        } catch (Throwable t) {
            LOG.log(Level.ERROR, "timer entry failed to fire", t);
        }
    }

    // ---- stats and shutdown ----

    public SchedulerStats stats() {
        Map<String, OwnerStats> byOwner = new HashMap<>();
        for (Owner o : owners) {
            byOwner.merge(o.name, o.stats(),
                    (a, b) -> new OwnerStats(a.liveTasks() + b.liveTasks(), a.pendingTimers() + b.pendingTimers(),
                            a.spawnedTasks() + b.spawnedTasks()));
        }
        return new SchedulerStats(tasks.size(), timers.size(), spawned.sum(), failedTasks.sum(),
                failedCallbacks.sum(), byOwner);
    }

    List<Owner> owners() {
        return new ArrayList<>(owners);
    }

    /** Closes every owner (cancelling their tasks, waiting up to the grace time) and stops the timer thread. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        for (Owner o : owners()) {
            o.close();
        }
        stopped = true;
        timerThread.interrupt();
        timers.wakeUp();
        if (virtualClock != null) {
            virtualClock.detach(this);
        }
    }
}
