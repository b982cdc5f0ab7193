package org.picogate.http.internal;

import java.nio.charset.StandardCharsets;

/**
 * HTTP dates (RFC 9110 5.6.7): formats the preferred IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}) and parses
 * it plus the two obsolete forms recipients must accept: RFC 850 ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and
 * ANSI C asctime ({@code Sun Nov  6 08:49:37 1994}).
 *
 * <p>Hand-written on purpose: no formatter objects, no time-zone lookups, and {@link #formatTo} writes straight into
 * a byte array, so a connection can refresh its cached {@code Date} header once a second without allocating.
 * Parsing is strict: exact field widths, case-sensitive names (the RFC's grammar), real calendar dates; anything
 * else is invalid ({@link #INVALID}), which callers of conditional headers treat as "field absent".
 */
public final class HttpDates {

    /** Returned by {@link #parse} for a value that is not an HTTP-date. */
    public static final long INVALID = Long.MIN_VALUE;

    /** Length of an IMF-fixdate. */
    public static final int LENGTH = 29;

    private static final String[] DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    private static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    /** 9999-12-31T23:59:59Z: the last instant with a four-digit year. */
    private static final long MAX_SECONDS = 253_402_300_799L;

    private HttpDates() {
    }

    /** IMF-fixdate of {@code epochSeconds} (clamped to years 1970..9999). */
    public static String format(long epochSeconds) {
        byte[] b = new byte[LENGTH];
        formatTo(epochSeconds, b, 0);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** IMF-fixdate of {@code epochMillis} (truncated to the second). */
    public static String formatMillis(long epochMillis) {
        return format(Math.floorDiv(epochMillis, 1000));
    }

    /** Writes the IMF-fixdate of {@code epochSeconds} as {@link #LENGTH} ASCII bytes at {@code dst[off]}. */
    public static void formatTo(long epochSeconds, byte[] dst, int off) {
        long s = Math.min(Math.max(epochSeconds, 0), MAX_SECONDS);
        long days = Math.floorDiv(s, 86_400);
        int secOfDay = (int) (s - days * 86_400);
        // civil_from_days (H. Hinnant), days since 1970-01-01
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        String dayName = DAYS[(int) Math.floorMod(days + 4, 7)]; // 1970-01-01 was a Thursday
        String monthName = MONTHS[month - 1];
        int p = off;
        dst[p++] = (byte) dayName.charAt(0);
        dst[p++] = (byte) dayName.charAt(1);
        dst[p++] = (byte) dayName.charAt(2);
        dst[p++] = ',';
        dst[p++] = ' ';
        p = two(dst, p, day);
        dst[p++] = ' ';
        dst[p++] = (byte) monthName.charAt(0);
        dst[p++] = (byte) monthName.charAt(1);
        dst[p++] = (byte) monthName.charAt(2);
        dst[p++] = ' ';
        p = two(dst, p, year / 100);
        p = two(dst, p, year % 100);
        dst[p++] = ' ';
        p = two(dst, p, secOfDay / 3600);
        dst[p++] = ':';
        p = two(dst, p, secOfDay / 60 % 60);
        dst[p++] = ':';
        p = two(dst, p, secOfDay % 60);
        dst[p++] = ' ';
        dst[p++] = 'G';
        dst[p++] = 'M';
        dst[p] = 'T';
    }

    private static int two(byte[] dst, int p, int v) {
        dst[p] = (byte) ('0' + v / 10);
        dst[p + 1] = (byte) ('0' + v % 10);
        return p + 2;
    }

    /** Seconds since the epoch of an HTTP-date in any of the three forms, or {@link #INVALID}. */
    public static long parse(String value) {
        return parse(value, System.currentTimeMillis() / 1000);
    }

    /**
     * As {@link #parse(String)}; {@code nowEpochSeconds} resolves the two-digit year of the RFC 850 form (a date
     * more than 50 years in the future means the most recent past year with those digits).
     */
    public static long parse(String value, long nowEpochSeconds) {
        if (value == null) {
            return INVALID;
        }
        String v = value.strip();
        int n = v.length();
        if (n == LENGTH && v.charAt(3) == ',') {
            return imfFixdate(v);
        }
        if (n == 24 && v.charAt(3) == ' ') {
            return asctime(v);
        }
        int comma = v.indexOf(',');
        if (comma > 3 && n == comma + 24) {
            return rfc850(v, comma, nowEpochSeconds);
        }
        return INVALID;
    }

    // Sun, 06 Nov 1994 08:49:37 GMT
    private static long imfFixdate(String v) {
        if (dayIndex(v, 0) < 0 || v.charAt(4) != ' ' || v.charAt(7) != ' ' || v.charAt(11) != ' '
                || v.charAt(16) != ' ' || !v.startsWith(" GMT", 25)) {
            return INVALID;
        }
        return toEpoch(digits(v, 12, 4), month(v, 8), digits(v, 5, 2), v, 17);
    }

    // Sun Nov  6 08:49:37 1994
    private static long asctime(String v) {
        if (dayIndex(v, 0) < 0 || v.charAt(7) != ' ' || v.charAt(10) != ' ' || v.charAt(19) != ' ') {
            return INVALID;
        }
        int day = v.charAt(8) == ' ' ? digits(v, 9, 1) : digits(v, 8, 2);
        return toEpoch(digits(v, 20, 4), month(v, 4), day, v, 11);
    }

    // Sunday, 06-Nov-94 08:49:37 GMT
    private static long rfc850(String v, int comma, long nowEpochSeconds) {
        boolean named = false;
        for (String d : LONG_DAYS) {
            if (d.length() == comma && v.startsWith(d)) {
                named = true;
                break;
            }
        }
        int p = comma + 1;
        if (!named || v.charAt(p) != ' ' || v.charAt(p + 3) != '-' || v.charAt(p + 7) != '-'
                || v.charAt(p + 10) != ' ' || !v.startsWith(" GMT", p + 19)) {
            return INVALID;
        }
        int yy = digits(v, p + 8, 2);
        if (yy < 0) {
            return INVALID;
        }
        int nowYear = yearOf(nowEpochSeconds);
        int year = nowYear / 100 * 100 + yy;
        if (year > nowYear + 50) {
            year -= 100;
        }
        return toEpoch(year, month(v, p + 4), digits(v, p + 1, 2), v, p + 11);
    }

    private static long toEpoch(int year, int month, int day, String v, int timeAt) {
        if (year < 0 || month < 0 || day < 1 || v.charAt(timeAt + 2) != ':' || v.charAt(timeAt + 5) != ':') {
            return INVALID;
        }
        int hour = digits(v, timeAt, 2);
        int minute = digits(v, timeAt + 3, 2);
        int second = digits(v, timeAt + 6, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60
                || day > daysInMonth(year, month)) {
            return INVALID;
        }
        // days_from_civil (H. Hinnant)
        int y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        long days = era * 146_097 + doe - 719_468;
        return days * 86_400 + hour * 3600L + minute * 60L + Math.min(second, 59);
    }

    private static int yearOf(long epochSeconds) {
        byte[] b = new byte[LENGTH];
        formatTo(epochSeconds, b, 0);
        return (b[12] - '0') * 1000 + (b[13] - '0') * 100 + (b[14] - '0') * 10 + (b[15] - '0');
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static int dayIndex(String v, int at) {
        for (int i = 0; i < DAYS.length; i++) {
            if (v.startsWith(DAYS[i], at)) {
                return i;
            }
        }
        return -1;
    }

    /** 1..12, or -1. */
    private static int month(String v, int at) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (v.startsWith(MONTHS[i], at)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The decimal value of {@code count} digits at {@code at}, or -1. */
    private static int digits(String v, int at, int count) {
        int r = 0;
        for (int i = at; i < at + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            r = r * 10 + (c - '0');
        }
        return r;
    }
}
