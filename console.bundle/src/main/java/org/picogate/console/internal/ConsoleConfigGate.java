package org.picogate.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.picogate.config.ConfigCheck;
import org.picogate.console.internal.web.ConsoleSettings;

/**
 * Decides which console settings a configuration gives, like the other Picogate components: a value of the wrong
 * type (DS would fail the component when it reads it) or out of its range rejects the whole configuration with one
 * line naming the PID and the keys, and the settings in force stay; at the start, when none are in force, the
 * defaults apply to the rejected keys (so a typo never leaves the console without its limits). Unknown keys are
 * reported and ignored. Secrets never appear in a line: problems name the key and why, not the value.
 */
final class ConsoleConfigGate {
    private ConsoleConfigGate() {
    }

    /**
     * @param inForce the settings in force, or {@code null} at the start
     * @param errors receives the lines to log at ERROR, each naming the PID
     * @param warnings receives the lines to log at WARNING
     * @return the settings to put in force ({@code inForce} itself when the configuration is rejected)
     */
    static ConsoleSettings settings(ConsoleConfig config, Map<String, ?> properties, ConsoleSettings inForce,
            Consumer<String> errors, Consumer<String> warnings) {
        ConfigCheck check = ConfigCheck.of(ConsoleConfig.class, config, properties);
        if (!check.unknownKeys().isEmpty()) {
            warnings.accept(ConsoleConfig.PID + ": ignored unknown key(s) " + String.join(", ", check.unknownKeys()));
        }
        List<String> problems = new ArrayList<>();
        ConsoleSettings next = null;
        if (check.valid()) {
            next = ConsoleSettings.from(config);
            problems.addAll(next.problems());
        } else {
            // the invalid values are never shown: passwordHash and token are secrets
            check.invalidValues().forEach(v -> problems.add(v.substring(0, v.indexOf('=')) + " is not of its type"));
        }
        if (problems.isEmpty()) {
            return next;
        }
        if (inForce != null) {
            errors.accept(ConsoleConfig.PID + ": configuration rejected (" + String.join("; ", problems)
                    + "); the one in force stays");
            return inForce;
        }
        errors.accept(ConsoleConfig.PID + ": " + String.join("; ", problems) + "; defaults apply instead");
        ConsoleSettings fallback = next != null ? next : ConsoleSettings.from(ConfigCheck.defaults(ConsoleConfig.class));
        return new ConsoleSettings(fallback.passwordHash(), fallback.token(), fallback.allowRemote(),
                fallback.secureCookie(), fallback.maxUploadBytes(), fallback.sessionTimeout(), fallback.logEntries(),
                List.of());
    }
}
