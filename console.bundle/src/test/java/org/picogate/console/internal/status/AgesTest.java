package org.picogate.console.internal.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AgesTest {

    @Test
    void agesReadAsPicogateTasksShowsThem() {
        assertThat(Ages.of(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Ages.of(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Ages.of(Duration.ofSeconds(185))).isEqualTo("3m5s");
        assertThat(Ages.of(Duration.ofMinutes(125))).isEqualTo("2h5m");
        assertThat(Ages.of(Duration.ofMillis(-3))).isEqualTo("0ms");
    }
}
