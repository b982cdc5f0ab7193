package org.picogate.http.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.picogate.config.ConfigCheck;

/**
 * The bounds of each key of PID {@code org.picogate.http} (those its Metatype declares): a configuration applies
 * whole, or not at all when a value breaks one, so that a file with a typo never half-moves the server (say, to
 * the new port with the old limits).
 */
public final class HttpConfigRules {

    private HttpConfigRules() {
    }

    /**
     * Each value that cannot apply, as {@code key=value (why)}: the values of the wrong type that {@code check}
     * found, else those out of bounds; empty when the whole configuration can apply.
     */
    public static List<String> violations(HttpConfig c, ConfigCheck check) {
        if (!check.valid()) {
            return check.invalidValues(); // reading those attributes would throw
        }
        List<String> violations = new ArrayList<>();
        if (c.port() < 0 || c.port() > 65535) {
            violations.add("port=" + c.port() + " (must be 0 to 65535)");
        }
        atLeast(violations, "maxRequestLine", c.maxRequestLine(), 16);
        atLeast(violations, "maxHeaderBytes", c.maxHeaderBytes(), 64);
        atLeast(violations, "maxHeaders", c.maxHeaders(), 1);
        atLeast(violations, "maxBody", c.maxBody(), 0);
        atLeast(violations, "headerTimeoutMillis", c.headerTimeoutMillis(), 1);
        atLeast(violations, "idleTimeoutMillis", c.idleTimeoutMillis(), 1);
        atLeast(violations, "maxRequestsPerConnection", c.maxRequestsPerConnection(), 1);
        atLeast(violations, "maxConnections", c.maxConnections(), 1);
        atLeast(violations, "backlog", c.backlog(), 1);
        atLeast(violations, "shutdownGraceMillis", c.shutdownGraceMillis(), 0);
        atLeast(violations, "swapGraceMillis", c.swapGraceMillis(), 0);
        String dir = Objects.requireNonNullElse(c.staticDir(), "").strip();
        try {
            Path.of(dir);
        } catch (InvalidPathException e) {
            violations.add("staticDir=" + dir + " (not a path: " + e.getReason() + ")");
        }
        FormConfig.check(c, violations);
        return violations;
    }

    static void atLeast(List<String> violations, String key, long value, long min) {
        if (value < min) {
            violations.add(key + "=" + value + (min == 0 ? " (must not be negative)" : " (must be at least " + min
                    + ")"));
        }
    }
}
