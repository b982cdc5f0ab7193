package org.picogate.notes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.picogate.config.ConfigCheck;
import org.picogate.config.testing.ConfigProxies;
import org.picogate.config.testing.LogCapture;

/** PID org.picogate.notes: what a configuration may hold, and the log line of one that cannot apply. */
class NotesConfigRulesTest {

    /** A configuration as DS hands it over: the given keys, defaults for the rest (ConfigProxies). */
    static NotesConfig config(Map<String, Object> values) {
        return ConfigProxies.of(NotesConfig.class, values);
    }

    private static List<String> violations(Map<String, Object> values) {
        NotesConfig c = config(values);
        return NotesConfigRules.violations(c, ConfigCheck.of(NotesConfig.class, c, values));
    }

    @Test
    void theDefaultsAndTheMinimumsPass() {
        assertThat(violations(Map.of())).isEmpty();
        assertThat(violations(Map.of("maxTitleLength", 1, "maxContentLength", 0, "databaseFile", "x.db",
                "picogate.http.prefix", "/notes"))).isEmpty();
    }

    @Test
    void eachValueOutOfBoundsIsNamed() {
        assertThat(violations(Map.of("maxTitleLength", 0, "maxContentLength", -1))).containsExactly(
                "maxTitleLength=0 (must be at least 1)", "maxContentLength=-1 (must not be negative)");
        assertThat(violations(Map.of("databaseFile", " "))).containsExactly("databaseFile= (must name a file)");
        assertThat(violations(Map.of("databaseFile", "notes\0.db"))).singleElement().asString()
                .startsWith("databaseFile=notes\0.db (not a path: ");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedAlone() {
        assertThat(violations(Map.of("maxTitleLength", "long", "maxContentLength", -1)))
                .containsExactly("maxTitleLength=long (not an int)");
    }

    @Test
    void anInvalidConfigurationIsLoggedInOneLineNamingThePidAndTheKey() {
        try (LogCapture log = new LogCapture("org.picogate.notes")) {
            Map<String, Object> values = Map.of("maxContentLength", -5, "maxTitleLenght", 10);
            assertThat(NotesApp.valid(config(values), values)).isFalse();
            assertThat(log.lines()).containsExactly(
                    "WARNING org.picogate.notes: ignored unknown key(s) maxTitleLenght",
                    "SEVERE org.picogate.notes: rejected maxContentLength=-5 (must not be negative); the app is"
                            + " stopped until its configuration is corrected");
        }
    }
}
