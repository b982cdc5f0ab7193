package org.picogate.scheduler.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.scheduler.CancelledException;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.TaskGroup;

final class TaskGroupImpl implements TaskGroup {
    private final SchedulerCore core;
    private final Owner owner;
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<TaskImpl<?>> children = new ArrayList<>();
    private Throwable firstFailure;
    private final List<Throwable> laterFailures = new ArrayList<>();
    private boolean failureReported;
    private boolean closed;

    TaskGroupImpl(SchedulerCore core, Owner owner, String name) {
        this.core = core;
        this.owner = owner;
        this.name = java.util.Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public <T> Task<T> spawn(String childName, Callable<T> body) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("task group '" + name + "' is closed");
            }
            if (firstFailure != null) {
                throw new IllegalStateException("task group '" + name + "' has failed: " + firstFailure);
            }
            TaskImpl<T> child = core.spawn(owner, childName, body, this, false);
            children.add(child);
            return child;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Task<Void> spawn(String childName, Runnable body) {
        java.util.Objects.requireNonNull(body, "body");
        return spawn(childName, () -> {
            body.run();
            return null;
        });
    }

    @Override
    public List<Task<?>> tasks() {
        lock.lock();
        try {
            return List.copyOf(children);
        } finally {
            lock.unlock();
        }
    }

    /** Called by each child as it ends: the first failure cancels the siblings. */
    void childEnded(TaskImpl<?> child, Task.State outcome) {
        if (outcome != Task.State.FAILED) {
            return;
        }
        boolean first;
        lock.lock();
        try {
            first = firstFailure == null;
            if (first) {
                firstFailure = child.failure;
            } else {
                laterFailures.add(child.failure);
            }
        } finally {
            lock.unlock();
        }
        if (first) {
            cancel();
        }
    }

    @Override
    public void cancel() {
        for (Task<?> t : tasks()) {
            t.cancel();
        }
    }

    @Override
    public void join() throws ExecutionException {
        try {
            awaitChildren(true);
        } catch (CancelledException e) {
            cancel();
            awaitChildren(false);
            throw e;
        }
        lock.lock();
        try {
            if (firstFailure == null) {
                return;
            }
            failureReported = true;
            ExecutionException failed = new ExecutionException(
                    "task group '" + name + "' failed: " + firstFailure, firstFailure);
            laterFailures.forEach(failed::addSuppressed);
            throw failed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        cancel();
        awaitChildren(false);
        lock.lock();
        try {
            if (firstFailure != null && !failureReported) {
                failureReported = true;
                throw new GroupFailedException("task group '" + name + "' failed: " + firstFailure, firstFailure);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for every child, including children spawned meanwhile. If not {@code cancellable}, a cancellation
     * of the caller is held back until the children have ended (structured: no child outlives its group).
     */
    private void awaitChildren(boolean cancellable) {
        boolean cancelledMeanwhile = false;
        for (int i = 0;; i++) {
            TaskImpl<?> child;
            lock.lock();
            try {
                if (i >= children.size()) {
                    break;
                }
                child = children.get(i);
            } finally {
                lock.unlock();
            }
            while (true) {
                try {
                    child.awaitEnd(false, 0);
                    break;
                } catch (CancelledException e) {
                    if (cancellable) {
                        throw e;
                    }
                    cancelledMeanwhile = true;
                }
            }
        }
        if (cancelledMeanwhile) {
            Thread.currentThread().interrupt();
        }
    }
}
