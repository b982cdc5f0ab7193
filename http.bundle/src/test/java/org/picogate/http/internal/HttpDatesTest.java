package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {

    private static final long RFC_EXAMPLE = 784_111_777L; // Sun, 06 Nov 1994 08:49:37 GMT
    private static final long NOW_2025 = 1_750_000_000L;

    @Test
    void formatsImfFixdate() {
        assertThat(HttpDates.format(RFC_EXAMPLE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDates.format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(HttpDates.formatMillis(RFC_EXAMPLE * 1000 + 999)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void formatAgreesWithJavaTimeOverManyInstants() {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .withZone(ZoneOffset.UTC);
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long s = (long) (random.nextDouble() * 253_402_300_799L);
            String expected = f.format(Instant.ofEpochSecond(s));
            assertThat(HttpDates.format(s)).as("%d", s).isEqualTo(expected);
            assertThat(HttpDates.parse(expected)).isEqualTo(s);
        }
    }

    @Test
    void formatToWritesAsciiInPlace() {
        byte[] b = new byte[HttpDates.LENGTH + 6];
        System.arraycopy("Date: ".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 6);
        HttpDates.formatTo(RFC_EXAMPLE, b, 6);
        assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("Date: Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void parsesTheThreeFormsOfRfc9110() {
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(RFC_EXAMPLE);
        assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW_2025)).isEqualTo(RFC_EXAMPLE);
        assertThat(HttpDates.parse("Sun Nov  6 08:49:37 1994")).isEqualTo(RFC_EXAMPLE);
        assertThat(HttpDates.parse("Sun Nov 06 08:49:37 1994")).isEqualTo(RFC_EXAMPLE);
    }

    @Test
    void rfc850TwoDigitYearsMoreThan50YearsAheadAreInThePast() {
        long y2030 = HttpDates.parse("Tue, 01 Jan 2030 00:00:00 GMT");
        assertThat(HttpDates.parse("Tuesday, 01-Jan-30 00:00:00 GMT", NOW_2025)).isEqualTo(y2030);
        long y1976 = HttpDates.parse("Thu, 01 Jan 1976 00:00:00 GMT");
        assertThat(HttpDates.parse("Thursday, 01-Jan-76 00:00:00 GMT", NOW_2025)).isEqualTo(y1976);
    }

    @Test
    void leapDays() {
        assertThat(HttpDates.parse("Tue, 29 Feb 2000 12:00:00 GMT")).isNotEqualTo(HttpDates.INVALID);
        assertThat(HttpDates.parse("Thu, 29 Feb 1900 12:00:00 GMT")).isEqualTo(HttpDates.INVALID);
        assertThat(HttpDates.parse("Sat, 29 Feb 2025 12:00:00 GMT")).isEqualTo(HttpDates.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "0", "Sun, 06 Nov 1994 08:49:37 UTC", "sun, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 nov 1994 08:49:37 GMT", "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 31 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 +0000", "Sunday, 06-Nov-1994 08:49:37 GMT", "Sonntag, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 94", "Sun, 06 Nov 1994 08.49.37 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT"})
    void rejectsWhatIsNotAnHttpDate(String value) {
        assertThat(HttpDates.parse(value)).isEqualTo(HttpDates.INVALID);
    }

    @Test
    void nullIsInvalid() {
        assertThat(HttpDates.parse(null)).isEqualTo(HttpDates.INVALID);
    }

    @Test
    void outOfRangeInstantsAreClamped() {
        assertThat(HttpDates.format(-5)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(HttpDates.format(Long.MAX_VALUE)).isEqualTo("Fri, 31 Dec 9999 23:59:59 GMT");
    }
}
