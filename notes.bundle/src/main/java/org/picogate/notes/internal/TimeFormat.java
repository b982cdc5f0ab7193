package org.picogate.notes.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages show a time: to the minute, in UTC (a gateway's clock zone says nothing about its users'). */
public final class TimeFormat {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TimeFormat() {
    }

    public static String of(Instant time) {
        return MINUTES.format(time);
    }
}
