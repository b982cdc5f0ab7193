package org.picogate.scheduler.internal;

import org.picogate.scheduler.Timer;

/** A user callback on the timer heap; when due it joins its owner's FIFO of callbacks to run. */
final class CallbackTimer extends TimerEntry implements Timer {
    final Owner owner;
    final Runnable callback;

    CallbackTimer(Owner owner, Runnable callback) {
        this.owner = owner;
        this.callback = callback;
    }

    @Override
    void fire() {
        owner.runSoon(this);
    }

    @Override
    public boolean cancel() {
        return owner.cancel(this);
    }

    @Override
    public long deadlineNanos() {
        return deadline;
    }

    @Override
    public String toString() {
        return "Timer[" + owner.name + ", deadline=" + deadline + "]";
    }
}
