package org.picogate.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.picogate.config.testing.ConfigProxies;
import org.picogate.console.internal.web.ConsoleSettings;

/** Invalid console configurations: logged by key (never a secret), the settings in force kept. */
class ConsoleConfigGateTest {
    private static final String TOKEN = "t".repeat(40);

    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void aValidConfigurationIsTaken() {
        ConsoleSettings s = gate(Map.of("token", TOKEN, "logEntries", 50), null);
        assertThat(s.token()).isEqualTo(TOKEN);
        assertThat(s.logEntries()).isEqualTo(50);
        assertThat(errors).isEmpty();
    }

    @Test
    void aValueOutOfRangeRejectsTheConfigurationAndKeepsTheOneInForce() {
        ConsoleSettings inForce = gate(Map.of("token", TOKEN), null);
        ConsoleSettings s = gate(Map.of("token", "u".repeat(40), "sessionTimeoutMinutes", 0), inForce);
        assertThat(s).isSameAs(inForce);
        assertThat(errors).singleElement().asString().contains("org.picogate.console", "sessionTimeoutMinutes",
                "rejected", "in force stays");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByKeyWithoutItsValue() {
        ConsoleSettings inForce = gate(Map.of("token", TOKEN), null);
        ConsoleSettings s = gate(Map.of("token", TOKEN, "maxUploadBytes", "lots"), inForce);
        assertThat(s).isSameAs(inForce);
        assertThat(errors).singleElement().asString().contains("maxUploadBytes is not of its type")
                .doesNotContain("lots");
    }

    @Test
    void aShortTokenIsRejectedWithoutShowingIt() {
        ConsoleSettings inForce = gate(Map.of("token", TOKEN), null);
        String shortToken = "secret-but-short";
        assertThat(gate(Map.of("token", shortToken), inForce)).isSameAs(inForce);
        assertThat(errors).singleElement().asString().contains("token rejected").doesNotContain(shortToken);
    }

    @Test
    void atTheStartTheDefaultsReplaceWhatIsRejected() {
        ConsoleSettings s = gate(Map.of("token", TOKEN, "logEntries", -5), null);
        assertThat(s.logEntries()).isEqualTo(200);
        assertThat(s.token()).isEqualTo(TOKEN);
        assertThat(s.problems()).isEmpty();
        assertThat(errors).singleElement().asString().contains("logEntries", "defaults apply");

        errors.clear();
        ConsoleSettings typed = gate(Map.of("logEntries", "many"), null);
        assertThat(typed.logEntries()).isEqualTo(200);
        assertThat(typed.enabled()).isFalse();
        assertThat(errors).singleElement().asString().contains("logEntries is not of its type");
    }

    @Test
    void unknownKeysAreReportedAndIgnored() {
        gate(Map.of("token", TOKEN, "passwordHsah", "x", "felix.fileinstall.filename", "file:/x"), null);
        assertThat(warnings).singleElement().asString().contains("passwordHsah").doesNotContain("fileinstall");
        assertThat(errors).isEmpty();
    }

    private ConsoleSettings gate(Map<String, Object> properties, ConsoleSettings inForce) {
        return ConsoleConfigGate.settings(ConfigProxies.of(ConsoleConfig.class, properties), properties, inForce,
                errors::add, warnings::add);
    }
}
