package org.picogate.scheduler;

/**
 * Thrown from a blocking point (sleep, event and channel waits, joins) of a task that was cancelled.
 *
 * <p>It is delivered once per {@link Task#cancel()}: a task may catch it, clean up (its {@code finally} blocks
 * run, and may block again) and end. Letting it propagate ends the task in state {@link Task.State#CANCELLED}.
 * It is unchecked so that cancellation crosses code that does not know about it, like asyncio's
 * {@code CancelledError}.
 */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
