package org.picogate.client.internal;

import java.net.URI;
import java.time.Duration;

import org.picogate.client.DeadlineExceededException;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Timer;
import org.picogate.streams.Stream;

/**
 * The total deadline of one exchange, as one timer on the scheduler's clock. When it fires it aborts the stream
 * the exchange uses at that moment (ending any blocked read or write) and wakes the exchange if it waits for a
 * pooled connection; the exchange then sees {@link #expired()} and throws {@link DeadlineExceededException}.
 * Attaching a stream after expiry aborts it at once, so no window is left between a check and a blocking call.
 */
final class Deadline {
    private final Duration total;
    private final Clock clock;
    private final long endNanos;
    private final Timer timer;
    private volatile boolean expired;
    private volatile Stream stream;
    private volatile Event waiting;

    private Deadline(Scheduler scheduler, Duration total) {
        this.total = total;
        this.clock = scheduler.clock();
        this.endNanos = clock.nanoTime() + total.toNanos();
        this.timer = total.isZero() ? null : scheduler.callLater(total, this::expire);
    }

    /** Starts the deadline now; {@link Duration#ZERO} for none. */
    static Deadline start(Scheduler scheduler, Duration total) {
        return new Deadline(scheduler, total);
    }

    private void expire() {
        expired = true;
        Stream s = stream;
        if (s != null) {
            s.abort();
        }
        Event e = waiting;
        if (e != null) {
            e.set();
        }
    }

    /** Whether it passed: its timer fired, or its time has come and the timer is about to fire. */
    boolean expired() {
        return expired || (timer != null && clock.nanoTime() - endNanos >= 0);
    }

    /** Time left, or {@code null} without a deadline; {@link Duration#ZERO} once passed. */
    Duration remaining() {
        if (timer == null) {
            return null;
        }
        return Duration.ofNanos(Math.max(0, endNanos - clock.nanoTime()));
    }

    /** The stream in use from now on; {@code null} for none. */
    void attach(Stream s) {
        stream = s;
        if (s != null && expired) {
            s.abort();
        }
    }

    /** The event a wait for a connection blocks on, set on expiry; {@code null} once the wait is over. */
    void waitingOn(Event e) {
        waiting = e;
        if (e != null && expired) {
            e.set();
        }
    }

    /** The exchange is over: the timer goes. Harmless twice. */
    void cancel() {
        stream = null;
        if (timer != null) {
            timer.cancel();
        }
    }

    DeadlineExceededException exceeded(URI url, String during, Throwable cause) {
        return new DeadlineExceededException(url, total, during, cause);
    }
}
