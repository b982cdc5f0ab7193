package org.picogate.http.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header line (IMF-fixdate, RFC 9110 5.6.7), formatted once per second and shared: a busy
 * server formats it 1 time a second, not 10,000.
 */
final class DateHeader {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** A formatted line and the second it is for. */
    private record Line(long second, byte[] bytes) {
    }

    private volatile Line current = new Line(-1, new byte[0]);

    /** {@code Date: ...\r\n} for now, in ASCII. */
    byte[] line() {
        long second = System.currentTimeMillis() / 1000;
        Line line = current;
        if (line.second() != second) {
            line = new Line(second, ("Date: " + IMF_FIXDATE.format(Instant.ofEpochSecond(second)) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            current = line;
        }
        return line.bytes();
    }
}
