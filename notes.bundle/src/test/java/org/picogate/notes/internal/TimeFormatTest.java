package org.picogate.notes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimeFormatTest {

    @Test
    void aTimeShowsToTheMinuteInUtcAndToTheMillisecondForMachines() {
        TimeFormat.Texts texts = TimeFormat.texts(Instant.parse("2026-11-29T23:59:59.250Z"));
        assertThat(texts.shown()).isEqualTo("2026-11-29 23:59 UTC");
        assertThat(texts.iso()).isEqualTo("2026-11-29T23:59:59.250Z");
        assertThat(TimeFormat.texts(Instant.parse("2026-11-29T10:15:00Z")).iso()).isEqualTo("2026-11-29T10:15:00Z");
    }

    @Test
    void theTextsOfATimeAreFormattedOnceAndTheMemoryStaysBounded() {
        Instant time = Instant.parse("2026-11-30T01:02:03.004Z");
        TimeFormat.Texts first = TimeFormat.texts(time);
        assertThat(TimeFormat.texts(Instant.ofEpochMilli(time.toEpochMilli()))).isSameAs(first);
        for (int i = 0; i < TimeFormat.KEPT * 3; i++) {
            Instant other = time.plusSeconds(i + 1);
            assertThat(TimeFormat.texts(other).iso()).isEqualTo(other.toString());
            assertThat(TimeFormat.kept()).isLessThanOrEqualTo(TimeFormat.KEPT);
        }
        assertThat(TimeFormat.texts(time)).isEqualTo(first);
    }
}
