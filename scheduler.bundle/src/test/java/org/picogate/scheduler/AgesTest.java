package org.picogate.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The short form of ages shared by picogate:tasks, picogate:conns and the web console. */
class AgesTest {

    @Test
    void agesReadNaturally() {
        assertEquals("250ms", Ages.of(Duration.ofMillis(250)));
        assertEquals("42s", Ages.of(Duration.ofSeconds(42)));
        assertEquals("3m5s", Ages.of(Duration.ofSeconds(185)));
        assertEquals("2h5m", Ages.of(Duration.ofMinutes(125)));
    }

    @Test
    void aNegativeAgeShowsAsZero() {
        assertEquals("0ms", Ages.of(Duration.ofMillis(-3)));
    }
}
