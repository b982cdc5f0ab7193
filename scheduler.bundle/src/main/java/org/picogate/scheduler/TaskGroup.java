package org.picogate.scheduler;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Structured concurrency: tasks spawned in a group end together.
 *
 * <p>The first child that fails cancels its siblings. {@link #join()} waits for every child and then reports
 * that first failure, with the later ones attached as suppressed exceptions. Use it in try-with-resources:
 * {@link #close()} cancels whatever is still running (after {@code join()} nothing is; if the body that owns
 * the group throws before joining, its children are cancelled) and waits for it, so no child outlives the
 * block.
 *
 * <pre>{@code
 * try (TaskGroup group = scheduler.group("fetch")) {
 *     group.spawn("a", () -> fetch(a));
 *     group.spawn("b", () -> fetch(b));
 *     group.join();
 * }
 * }</pre>
 */
@ProviderType
public interface TaskGroup extends AutoCloseable {

    String name();

    /**
     * Spawns a child task.
     *
     * @throws IllegalStateException if the group has been joined, closed or has failed
     */
    <T> Task<T> spawn(String name, Callable<T> body);

    /** Spawns a child task without a result; see {@link #spawn(String, Callable)}. */
    Task<Void> spawn(String name, Runnable body);

    /** The children spawned so far, in spawn order. */
    List<Task<?>> tasks();

    /** Cancels every child still running. */
    void cancel();

    /**
     * Waits until every child has ended.
     *
     * @throws ExecutionException if a child failed: the first failure is the cause, later ones are suppressed
     * @throws CancelledException if the calling task is cancelled while it waits; the children are then
     *         cancelled and waited for before it is thrown
     */
    void join() throws ExecutionException;

    /**
     * Ends the group: cancels the children still running, waits for every child, and refuses new ones.
     * A failure not yet reported by {@link #join()} is thrown as an unchecked {@link GroupFailedException}.
     */
    @Override
    void close();

    /** A group closed without {@link #join()} had a failed child. */
    final class GroupFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public GroupFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
