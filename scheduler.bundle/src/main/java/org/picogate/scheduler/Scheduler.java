package org.picogate.scheduler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Spawns tasks and schedules callbacks; the asyncio event loop of Picogate.
 *
 * <p>As an OSGi service it is bundle-scoped: every task and timer belongs to the bundle that got the service,
 * and is cancelled when that bundle stops or ungets it. Do not start raw threads or executors in other bundles:
 * ask the scheduler, so that work is named, owned, counted and stoppable.
 *
 * <p>Blocking waits ({@link #sleep}, {@link Event}, {@link Channel}, {@link Task#join}) throw
 * {@link CancelledException} when the calling task is cancelled; they may also be called from a thread that is
 * not a task (such as a test's main thread), where an interrupt counts as a cancellation.
 */
@ProviderType
public interface Scheduler {

    /**
     * Starts {@code body} as a new task.
     *
     * @param name shown in stats and the {@code picogate:tasks} command; need not be unique
     * @throws RejectedExecutionException if the owner has reached its task limit or the scheduler is closed
     */
    <T> Task<T> spawn(String name, Callable<T> body);

    /** Starts {@code body} as a new task without a result; see {@link #spawn(String, Callable)}. */
    Task<Void> spawn(String name, Runnable body);

    /**
     * Runs {@code callback} soon, after callbacks scheduled before it (FIFO). Callbacks run one after another
     * on a short-lived task of the owner, like callbacks on an asyncio loop: keep them short and spawn a task
     * for long work. A callback that throws is logged and counted and does not stop the others.
     */
    Timer callSoon(Runnable callback);

    /**
     * Runs {@code callback} after {@code delay} on the scheduler's clock; callbacks due at the same instant run
     * in the order they were scheduled.
     *
     * @throws IllegalArgumentException if {@code delay} is negative (zero means "now")
     */
    Timer callLater(Duration delay, Runnable callback);

    /**
     * Runs {@code callback} when {@link Clock#nanoTime()} of {@link #clock()} reaches {@code deadlineNanos}; a
     * deadline already past is due at once.
     */
    Timer callAt(long deadlineNanos, Runnable callback);

    /**
     * Blocks the calling task for {@code duration} on the scheduler's clock.
     *
     * @throws CancelledException if the task is cancelled meanwhile
     */
    void sleep(Duration duration);

    /**
     * Runs {@code body} in the calling thread, cancelling it if it takes longer than {@code timeout}.
     *
     * @throws TimeoutException if the timeout cancelled the body (the body's exception is the cause)
     * @throws ExecutionException if the body threw a checked exception of its own; unchecked ones pass as
     *         they are
     * @throws CancelledException if the caller was cancelled by someone else
     */
    <T> T withTimeout(Duration timeout, Callable<T> body) throws TimeoutException, ExecutionException;

    /** Opens a group of tasks that end together; see {@link TaskGroup}. */
    TaskGroup group(String name);

    /**
     * Runs every body as its own task and returns their results in order, like {@code asyncio.gather}. The
     * first failure cancels the others.
     *
     * @throws ExecutionException with the first failure as cause
     */
    <T> List<T> gather(List<? extends Callable<T>> bodies) throws ExecutionException;

    /** A new, cleared {@link Event}. */
    Event event();

    /**
     * A new {@link Channel} holding at most {@code capacity} items.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    <T> Channel<T> channel(int capacity);

    /** The clock every wait and timer of this scheduler follows. */
    Clock clock();

    /** A snapshot of the whole scheduler, with a line per owner. */
    SchedulerStats stats();

    /**
     * A snapshot of every live task of the whole scheduler, of every owner (callback runners included), by owner
     * and then oldest first. Since 1.1.
     */
    List<TaskInfo> tasks();
}
