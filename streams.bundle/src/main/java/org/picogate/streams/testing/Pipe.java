package org.picogate.streams.testing;

import java.util.Objects;

import org.picogate.scheduler.Scheduler;
import org.picogate.streams.Stream;
import org.picogate.streams.internal.BufferedStream;
import org.picogate.streams.internal.PipeTransport;
import org.picogate.streams.internal.StreamSettings;

/**
 * Two streams connected in memory: what one writes the other reads, with TCP's semantics (half-close, reset,
 * backpressure once about 1 MiB is in flight). Waits use {@code scheduler}'s clock, so protocol code above
 * streams can be tested on a virtual clock, fast and deterministically.
 */
public final class Pipe implements AutoCloseable {
    private final Stream left;
    private final Stream right;

    private Pipe(Stream left, Stream right) {
        this.left = left;
        this.right = right;
    }

    /** A new connected pair; both ends use {@code scheduler} for their waits and timeouts. */
    public static Pipe open(Scheduler scheduler) {
        Objects.requireNonNull(scheduler, "scheduler");
        PipeTransport[] ends = PipeTransport.pair(scheduler);
        return new Pipe(new BufferedStream(ends[0], scheduler, StreamSettings.DEFAULTS, null),
                new BufferedStream(ends[1], scheduler, StreamSettings.DEFAULTS, null));
    }

    /** One end, such as a client's. */
    public Stream left() {
        return left;
    }

    /** The other end, such as a server's. */
    public Stream right() {
        return right;
    }

    /** Aborts both ends. */
    @Override
    public void close() {
        left.abort();
        right.abort();
    }
}
