package org.picogate.scheduler.internal;

/** The timer behind a timed wait: when due it ends the wait with {@link Waiter#TIMED_OUT}. */
final class WakeTimer extends TimerEntry {
    private final Waiter waiter;

    WakeTimer(Waiter waiter) {
        this.waiter = waiter;
    }

    @Override
    void fire() {
        index = DONE;
        waiter.wake(Waiter.TIMED_OUT);
    }
}
