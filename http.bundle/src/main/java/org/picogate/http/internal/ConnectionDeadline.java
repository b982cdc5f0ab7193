package org.picogate.http.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.scheduler.Clock;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Timer;
import org.picogate.streams.Stream;

/**
 * The one read deadline of a connection (the idle timeout between requests, the header timeout while a head
 * arrives), kept with one lazily armed timer instead of a timer per request.
 *
 * <p>Why: a schedule and a cancel on the scheduler's timer heap per deadline cost two lock hand-offs each; with
 * two deadlines per request that was a quarter of the CPU of a keep-alive request. Here moving the deadline is a
 * write of {@link #deadline}. The timer fires at the latest at the deadline, but often earlier: then it only
 * re-checks the field and arms itself again for what is set now. When the deadline has passed it marks the field
 * {@link #EXPIRED} (a compare-and-set, so a deadline moved at that instant is either seen by the timer or finds
 * the mark) and aborts the stream, which ends the blocked read.
 *
 * <p>A timer is armed at the deadline, but never later than {@code recheck} from now: with the header timeout
 * (10 s) shorter than the idle one (60 s), the header deadline then always falls after the armed timer, so
 * moving from idle to header never re-arms; an idle connection pays one timer per {@code recheck}. The timer is
 * re-armed earlier only when a deadline comes before the armed one (a configuration that shortened a timeout).
 */
final class ConnectionDeadline implements AutoCloseable {
    /** No deadline: reads may wait forever. */
    static final long NONE = Long.MAX_VALUE;
    /** The deadline passed and the stream was aborted; sticks until {@link #close()}. */
    private static final long EXPIRED = Long.MIN_VALUE;

    private final Scheduler scheduler;
    private final Clock clock;
    private final Stream stream;
    private final long recheckNanos;
    private final AtomicLong deadline = new AtomicLong(NONE);
    /** Whether a timer is pending, and when it fires; written under {@link #arming}. */
    private volatile boolean armed;
    private volatile long armedAt;
    private final ReentrantLock arming = new ReentrantLock();
    /** Guarded by {@link #arming}. */
    private Timer timer;
    /** Which arming the pending timer belongs to: a timer cancelled too late must not disarm its successor. */
    private int generation;
    private boolean closed;

    ConnectionDeadline(Scheduler scheduler, Stream stream, Duration recheck) {
        this.scheduler = scheduler;
        this.clock = scheduler.clock();
        this.stream = stream;
        this.recheckNanos = Math.max(1, recheck.toNanos());
    }

    /**
     * Sets the deadline {@code timeout} from now (on the scheduler clock).
     *
     * @return {@code false} if the deadline had passed already (the stream is aborted)
     */
    boolean expireAfter(Duration timeout) {
        return set(clock.nanoTime() + timeout.toNanos());
    }

    /**
     * Removes the deadline; reads may wait forever.
     *
     * @return {@code false} if the deadline had passed already (the stream is aborted)
     */
    boolean clear() {
        return set(NONE);
    }

    /** Now, on the clock the deadline is kept on. */
    long nanoTime() {
        return clock.nanoTime();
    }

    /** Whether the deadline passed and the stream was aborted for it. */
    boolean expired() {
        return deadline.get() == EXPIRED;
    }

    private boolean set(long nanos) {
        long previous;
        do {
            previous = deadline.get();
            if (previous == EXPIRED) {
                return false;
            }
        } while (!deadline.compareAndSet(previous, nanos));
        if (nanos != NONE && !firesBy(nanos)) {
            arm(nanos);
        }
        return true;
    }

    /** Whether a pending timer fires at or before {@code nanos}. */
    private boolean firesBy(long nanos) {
        return armed && nanos - armedAt >= 0;
    }

    /** Arms a timer for {@code nanos} unless one already fires by then. */
    private void arm(long nanos) {
        arming.lock();
        try {
            if (closed || firesBy(nanos)) {
                return;
            }
            if (timer != null) {
                timer.cancel();
            }
            long at = Math.min(nanos, clock.nanoTime() + recheckNanos);
            int mine = ++generation;
            armedAt = at;
            armed = true;
            timer = scheduler.callAt(at, () -> fired(mine));
        } finally {
            arming.unlock();
        }
    }

    /** The timer's callback: aborts the stream if the deadline passed, else waits on for the current one. */
    private void fired(int which) {
        long now = clock.nanoTime();
        arming.lock();
        try {
            if (which != generation || closed) {
                return; // replaced by an earlier timer, or the connection is done
            }
            timer = null;
            armed = false; // before reading the deadline: a concurrent set() then sees no timer and arms one
        } finally {
            arming.unlock();
        }
        for (long d = deadline.get(); d != NONE && d != EXPIRED; d = deadline.get()) {
            if (d - now > 0) {
                arm(d);
                return;
            }
            if (deadline.compareAndSet(d, EXPIRED)) {
                stream.abort();
                return;
            }
        }
    }

    /** The connection is done: the pending timer goes, so no closed connection waits in the timer heap. */
    @Override
    public void close() {
        arming.lock();
        try {
            closed = true;
            armed = false;
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        } finally {
            arming.unlock();
        }
    }
}
