package org.picogate.scheduler;

/** A send on a closed {@link Channel}, or a receive on one that is closed and drained. */
public class ChannelClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ChannelClosedException(String message) {
        super(message);
    }
}
