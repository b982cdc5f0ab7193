package org.picogate.console.internal.status;

import java.time.Duration;

/** Ages as the tasks page shows them, like {@code picogate:tasks}: 250ms, 42s, 3m5s, 2h5m. */
public final class Ages {

    private Ages() {
    }

    public static String of(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return Math.max(0, d.toMillis()) + "ms";
        }
        if (s < 3600) {
            return s / 60 > 0 ? s / 60 + "m" + s % 60 + "s" : s + "s";
        }
        return s / 3600 + "h" + (s % 3600) / 60 + "m";
    }
}
