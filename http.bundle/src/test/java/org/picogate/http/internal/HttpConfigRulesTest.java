package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.picogate.config.ConfigCheck;
import org.picogate.config.testing.ConfigProxies;

/** The bounds of PID org.picogate.http: each key below its minimum is named, and values at it pass. */
class HttpConfigRulesTest {

    /** A configuration as DS hands it over: the given keys, defaults for the rest (ConfigProxies). */
    static HttpConfig config(Map<String, Object> values) {
        return ConfigProxies.of(HttpConfig.class, values);
    }

    private static List<String> violations(Map<String, Object> values) {
        HttpConfig c = config(values);
        return HttpConfigRules.violations(c, ConfigCheck.of(HttpConfig.class, c, values));
    }

    @Test
    void theDefaultsAndEveryMinimumPass() {
        assertThat(violations(Map.of())).isEmpty();
        Map<String, Object> minimums = new HashMap<>();
        minimums.put("port", 0);
        minimums.put("maxRequestLine", 16);
        minimums.put("maxHeaderBytes", 64);
        minimums.put("maxHeaders", 1);
        minimums.put("maxBody", 0L);
        minimums.put("headerTimeoutMillis", 1L);
        minimums.put("idleTimeoutMillis", 1L);
        minimums.put("maxRequestsPerConnection", 1);
        minimums.put("maxConnections", 1);
        minimums.put("backlog", 1);
        minimums.put("shutdownGraceMillis", 0L);
        minimums.put("swapGraceMillis", 0L);
        assertThat(violations(minimums)).isEmpty();
        assertThat(violations(Map.of("port", 65535))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "port | -1 | port=-1 (must be 0 to 65535)",
        "port | 65536 | port=65536 (must be 0 to 65535)",
        "maxRequestLine | 15 | maxRequestLine=15 (must be at least 16)",
        "maxHeaderBytes | 63 | maxHeaderBytes=63 (must be at least 64)",
        "maxHeaders | 0 | maxHeaders=0 (must be at least 1)",
        "maxBody | -1 | maxBody=-1 (must not be negative)",
        "headerTimeoutMillis | 0 | headerTimeoutMillis=0 (must be at least 1)",
        "idleTimeoutMillis | -5 | idleTimeoutMillis=-5 (must be at least 1)",
        "maxRequestsPerConnection | 0 | maxRequestsPerConnection=0 (must be at least 1)",
        "maxConnections | 0 | maxConnections=0 (must be at least 1)",
        "backlog | -1 | backlog=-1 (must be at least 1)",
        "shutdownGraceMillis | -1 | shutdownGraceMillis=-1 (must not be negative)",
        "swapGraceMillis | -1 | swapGraceMillis=-1 (must not be negative)",
    })
    void aValueOutOfItsBoundsIsNamedWithTheBound(String key, String value, String violation) {
        assertThat(violations(Map.of(key, value))).containsExactly(violation);
    }

    @Test
    void aStaticDirThatIsNoPathIsNamed() {
        assertThat(violations(Map.of("staticDir", "site\0"))).singleElement().asString()
                .startsWith("staticDir=site\0 (not a path: ");
    }

    @Test
    void everyValueOutOfBoundsIsNamedAtOnce() {
        assertThat(violations(Map.of("maxHeaderBytes", -1, "port", 70000))).containsExactly(
                "port=70000 (must be 0 to 65535)", "maxHeaderBytes=-1 (must be at least 64)");
    }

    @Test
    void valuesOfTheWrongTypeAreNamedAloneSinceTheOthersCannotBeRead() {
        assertThat(violations(Map.of("maxBody", "lots", "maxHeaders", -1))).containsExactly(
                "maxBody=lots (not a long)");
    }
}
