package org.picogate.notes.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the pages show a time: to the minute, in UTC (a gateway's clock zone says nothing about its users'), and
 * for the {@code datetime} attribute of {@code <time>}, ISO-8601 to the millisecond.
 *
 * <p>The texts of the last {@value #KEPT} times asked for are kept: the list page shows the same few note times at
 * every load, and formatting them (a {@link DateTimeFormatter} and {@link Instant#toString()}, ~0.25 µs each)
 * was a sixth of the page's CPU. Past that many the memory starts afresh, so it never grows without bound.
 */
public final class TimeFormat {

    /** What a time shows as: {@code iso} for machines, {@code shown} for people. */
    public record Texts(String iso, String shown) {
    }

    static final int KEPT = 1024;

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Map<Instant, Texts> TEXTS = new ConcurrentHashMap<>();

    private TimeFormat() {
    }

    /**
     * The texts of {@code time}, such as {@code 2026-11-29T10:15:30.250Z} and {@code 2026-11-29 10:15 UTC};
     * formatted once while it is among the last {@value #KEPT} asked for.
     */
    public static Texts texts(Instant time) {
        Texts texts = TEXTS.get(time);
        if (texts == null) {
            if (TEXTS.size() >= KEPT) {
                TEXTS.clear();
            }
            texts = new Texts(time.toString(), MINUTES.format(time));
            TEXTS.put(time, texts);
        }
        return texts;
    }

    /** How many times have their texts kept (tests). */
    static int kept() {
        return TEXTS.size();
    }
}
