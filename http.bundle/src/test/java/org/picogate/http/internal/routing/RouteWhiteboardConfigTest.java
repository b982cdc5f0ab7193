package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.picogate.config.testing.ConfigProxies;
import org.picogate.http.internal.HttpConfig;

/** The whiteboard takes its swap grace only from a configuration of org.picogate.http that applies whole. */
class RouteWhiteboardConfigTest {

    /** A configuration as DS hands it over: the given keys, defaults for the rest (ConfigProxies). */
    private static HttpConfig config(Map<String, Object> values) {
        return ConfigProxies.of(HttpConfig.class, values);
    }

    private static java.util.Optional<Duration> grace(Map<String, Object> values) {
        return RouteWhiteboard.grace(config(values), values);
    }

    @Test
    void aValidConfigurationGivesItsGrace() {
        assertThat(grace(Map.of())).contains(Duration.ofSeconds(2));
        assertThat(grace(Map.of("swapGraceMillis", 500L))).contains(Duration.ofMillis(500));
    }

    @Test
    void aSwapGraceOfTheWrongTypeGivesNoneInsteadOfFailingTheWhiteboard() {
        assertThat(grace(Map.of("swapGraceMillis", "long"))).isEmpty();
    }

    @Test
    void aConfigurationTheServerRejectsGivesNoGraceEvenWithAValidOne() {
        assertThat(grace(Map.of("swapGraceMillis", -1L))).isEmpty();
        assertThat(grace(Map.of("swapGraceMillis", 500L, "maxHeaderBytes", 10))).isEmpty();
    }
}
