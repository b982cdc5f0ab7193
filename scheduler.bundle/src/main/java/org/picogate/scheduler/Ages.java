package org.picogate.scheduler;

import java.time.Duration;

/**
 * The one short form of an age (of a task, a connection, a stream) that Picogate's consoles show, so that
 * {@code picogate:tasks}, {@code picogate:conns} and the web console agree: {@code 250ms}, {@code 42s},
 * {@code 3m5s}, {@code 2h5m}. Below a second in milliseconds, below an hour in minutes and seconds, else in hours
 * and minutes; a negative age (clocks read in the other order) shows as {@code 0ms}.
 */
public final class Ages {

    private Ages() {
    }

    /** {@code age} in its short form. */
    public static String of(Duration age) {
        long s = age.toSeconds();
        if (s < 1) {
            return Math.max(0, age.toMillis()) + "ms";
        }
        if (s < 3600) {
            return s / 60 > 0 ? s / 60 + "m" + s % 60 + "s" : s + "s";
        }
        return s / 3600 + "h" + (s % 3600) / 60 + "m";
    }
}
