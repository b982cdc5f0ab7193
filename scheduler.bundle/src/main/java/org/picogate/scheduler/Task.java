package org.picogate.scheduler;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A running body of code: a named virtual thread owned by the bundle that spawned it.
 *
 * @param <T> the body's result type
 */
@ProviderType
public interface Task<T> {

    /** Life of a task. A task starts {@link #RUNNING}; the other states are final. */
    enum State {
        /** The body has not returned yet. */
        RUNNING,
        /** The body returned a value. */
        SUCCEEDED,
        /** The body threw an exception other than a cancellation. */
        FAILED,
        /**
         * The body ended by cancellation: it threw {@link CancelledException}, or, after {@link #cancel()}, the
         * exception with which an interrupted JDK call reacts to it ({@link InterruptedException},
         * {@link java.io.InterruptedIOException}, {@link java.nio.channels.AsynchronousCloseException},
         * {@link java.net.SocketException} of a socket closed by the interrupt). Any other exception, even
         * during cleanup after a cancel, is a failure.
         */
        CANCELLED
    }

    String name();

    /** The symbolic name of the bundle that spawned the task (or the name given to a standalone scheduler). */
    String owner();

    State state();

    /**
     * Asks the task to stop: its next (or current) blocking point throws {@link CancelledException}. A task
     * blocked on a socket read has that socket closed (JDK interrupt semantics).
     *
     * @return {@code true} if the task was still running, so the request was made
     */
    boolean cancel();

    /**
     * Waits for the task to end.
     *
     * @return the body's result
     * @throws ExecutionException with the body's exception as cause, if it failed
     * @throws CancellationException if the task ended cancelled
     * @throws CancelledException if the calling task is cancelled while it waits
     */
    T join() throws ExecutionException;

    /**
     * Waits at most {@code timeout} (on the scheduler's clock) for the task to end; see {@link #join()}.
     *
     * @throws TimeoutException if the task is still running after {@code timeout}; the task is not cancelled
     */
    T join(Duration timeout) throws ExecutionException, TimeoutException;
}
