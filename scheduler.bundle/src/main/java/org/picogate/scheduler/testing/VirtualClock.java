package org.picogate.scheduler.testing;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.internal.VirtualClockImpl;

/**
 * A clock whose time moves only when told, for deterministic tests of timing logic (like Trio's MockClock).
 *
 * <p>Give it to {@link TestScheduler#start(Clock, String)}; one virtual clock drives one scheduler. Then:
 * <ul>
 * <li>{@link #advance(Duration)} moves time forward step by step: to each due timer's deadline in order, fires
 * it (a callback, a sleeper's wake-up, a timeout), and waits until the tasks it woke have blocked again or
 * ended before the next step. When it returns, everything due by the new time has happened, in order.</li>
 * <li>With {@link #autoJump()}, whenever every task of the scheduler is blocked in a scheduler wait and a timer
 * is pending, time jumps to the next deadline by itself: a test of a 30-second timeout finishes at once.</li>
 * </ul>
 *
 * <p>"Blocked" means parked in a wait of the scheduler (sleep, event, channel, join, timeout). A task blocked
 * elsewhere (a socket read, a foreign lock) counts as running: auto-jump then waits, and an advance step waits
 * at most the {@linkplain #settleTimeout(Duration) settle timeout} (real time, default 1 s) for it.
 */
@ProviderType
public interface VirtualClock extends Clock {

    /** A virtual clock starting at time 0. */
    static VirtualClock create() {
        return new VirtualClockImpl(0);
    }

    /** Moves time forward by {@code duration}, firing everything that falls due on the way, in order. */
    void advance(Duration duration);

    /** Turns on auto-jump (see the type's description); returns this clock. */
    VirtualClock autoJump();

    /** How long (real time) an advance step waits for woken tasks to block again; returns this clock. */
    VirtualClock settleTimeout(Duration timeout);
}
