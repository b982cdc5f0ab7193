package org.picogate.notes.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.picogate.config.ConfigCheck;

/** The bounds of the keys of PID {@code org.picogate.notes}; a configuration applies whole or not at all. */
final class NotesConfigRules {

    private NotesConfigRules() {
    }

    /**
     * Each value that cannot apply, as {@code key=value (why)}: the values of the wrong type that {@code check}
     * found, else those out of bounds; empty when the whole configuration can apply.
     */
    static List<String> violations(NotesConfig c, ConfigCheck check) {
        if (!check.valid()) {
            return check.invalidValues(); // reading those attributes would throw
        }
        List<String> violations = new ArrayList<>();
        String file = c.databaseFile() == null ? "" : c.databaseFile().strip();
        if (file.isEmpty()) {
            violations.add("databaseFile= (must name a file)");
        } else {
            try {
                Path.of(file);
            } catch (InvalidPathException e) {
                violations.add("databaseFile=" + file + " (not a path: " + e.getReason() + ")");
            }
        }
        if (c.maxTitleLength() < 1) {
            violations.add("maxTitleLength=" + c.maxTitleLength() + " (must be at least 1)");
        }
        if (c.maxContentLength() < 0) {
            violations.add("maxContentLength=" + c.maxContentLength() + " (must not be negative)");
        }
        return violations;
    }
}
