package org.picogate.scheduler.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.picogate.scheduler.Channel;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.SchedulerStats;
import org.picogate.scheduler.TaskInfo;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.TaskGroup;
import org.picogate.scheduler.Timer;

/** The {@link Scheduler} of one owner: everything it creates is tagged with, and dies with, that owner. */
public class OwnedScheduler implements Scheduler, AutoCloseable {
    protected final SchedulerCore core;
    private final Owner owner;

    public OwnedScheduler(SchedulerCore core, String ownerName) {
        this.core = Objects.requireNonNull(core, "core");
        this.owner = core.openOwner(ownerName);
    }

    @Override
    public <T> Task<T> spawn(String name, Callable<T> body) {
        return core.spawn(owner, name, body, null, false);
    }

    @Override
    public Task<Void> spawn(String name, Runnable body) {
        Objects.requireNonNull(body, "body");
        return spawn(name, () -> {
            body.run();
            return null;
        });
    }

    @Override
    public Timer callSoon(Runnable callback) {
        return owner.schedule(core.now(), callback); // due now, after every callback already due: FIFO
    }

    @Override
    public Timer callLater(Duration delay, Runnable callback) {
        return owner.schedule(core.deadlineAfter(delay, "delay"), callback);
    }

    @Override
    public Timer callAt(long deadlineNanos, Runnable callback) {
        return owner.schedule(deadlineNanos, callback);
    }

    @Override
    public void sleep(Duration duration) {
        long deadline = core.deadlineAfter(duration, "duration");
        if (core.park(core.newWaiter(), true, deadline) == Waiter.CANCELLED) {
            throw core.cancelled("sleeping");
        }
    }

    @Override
    public <T> T withTimeout(Duration timeout, Callable<T> body) throws TimeoutException, ExecutionException {
        long deadline = core.deadlineAfter(timeout, "timeout");
        Objects.requireNonNull(body, "body");
        TimeoutTimer timer = new TimeoutTimer(core, Thread.currentThread(), core.currentTask());
        core.timers.add(timer, deadline);
        core.timerAdded();
        T result;
        try {
            result = body.call();
        } catch (Throwable failure) {
            if (timer.disarm()) {
                Thread.interrupted();
                TimeoutException timedOut = new TimeoutException("timed out after " + timeout);
                timedOut.initCause(failure);
                throw timedOut;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new ExecutionException(failure);
        }
        if (timer.disarm()) {
            Thread.interrupted(); // fired as the body returned: the cancellation has nothing left to stop
        }
        return result;
    }

    @Override
    public TaskGroup group(String name) {
        return new TaskGroupImpl(core, owner, name);
    }

    @Override
    public <T> List<T> gather(List<? extends Callable<T>> bodies) throws ExecutionException {
        Objects.requireNonNull(bodies, "bodies");
        List<Task<T>> tasks = new ArrayList<>(bodies.size());
        try (TaskGroup group = group("gather")) {
            for (int i = 0; i < bodies.size(); i++) {
                tasks.add(group.spawn("gather-" + i, Objects.requireNonNull(bodies.get(i), "bodies[" + i + "]")));
            }
            group.join();
        }
        List<T> results = new ArrayList<>(tasks.size());
        for (Task<T> t : tasks) {
            results.add(t.join());
        }
        return results;
    }

    @Override
    public Event event() {
        return new EventImpl(core);
    }

    @Override
    public <T> Channel<T> channel(int capacity) {
        return new ChannelImpl<>(core, capacity);
    }

    @Override
    public Clock clock() {
        return core.clock();
    }

    @Override
    public SchedulerStats stats() {
        return core.stats();
    }

    @Override
    public List<TaskInfo> tasks() {
        return core.taskInfos();
    }

    /** The owner's name (a bundle's symbolic name). */
    public String ownerName() {
        return owner.name;
    }

    /** Cancels everything this owner created and waits up to the grace time for its tasks to end. */
    @Override
    public void close() {
        owner.close();
    }
}
