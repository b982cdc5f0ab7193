package org.picogate.http.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.picogate.http.internal.forms.FormLimits;

/**
 * The form keys of PID {@code org.picogate.http}: their bounds (checked with the rest of the configuration, which
 * applies whole or not at all) and the {@link FormLimits} they make, in force from the next request on.
 */
final class FormConfig {
    static final int MAX_PART_HEADER_BYTES = 65536;

    private FormConfig() {
    }

    /** Adds {@code key=value (why)} for each form key that cannot apply. */
    static void check(HttpConfig c, List<String> violations) {
        HttpConfigRules.atLeast(violations, "maxParameters", c.maxParameters(), 1);
        HttpConfigRules.atLeast(violations, "maxFormParts", c.maxFormParts(), 1);
        HttpConfigRules.atLeast(violations, "maxPartHeaderBytes", c.maxPartHeaderBytes(), 64);
        if (c.maxPartHeaderBytes() > MAX_PART_HEADER_BYTES) { // the parser's buffer is sized by it, per form
            violations.add("maxPartHeaderBytes=" + c.maxPartHeaderBytes() + " (must be at most "
                    + MAX_PART_HEADER_BYTES + ")");
        }
        HttpConfigRules.atLeast(violations, "maxFieldBytes", c.maxFieldBytes(), 1);
        HttpConfigRules.atLeast(violations, "maxFileBytes", c.maxFileBytes(), 0);
        HttpConfigRules.atLeast(violations, "fileMemoryThreshold", c.fileMemoryThreshold(), 0);
        String dir = uploadDir(c);
        if (!dir.isEmpty()) {
            // checked now rather than at the first upload, where it would be a 500 and a stack trace per request
            try {
                if (!Files.isDirectory(Path.of(dir))) {
                    violations.add("uploadDir=" + dir + " (not an existing directory)");
                } else if (!Files.isWritable(Path.of(dir))) {
                    violations.add("uploadDir=" + dir + " (not writable)");
                }
            } catch (InvalidPathException e) {
                violations.add("uploadDir=" + dir + " (not a path: " + e.getReason() + ")");
            }
        }
    }

    /** The limits of a configuration that passed {@link #check}. */
    static FormLimits limits(HttpConfig c) {
        String dir = uploadDir(c);
        return new FormLimits(c.maxParameters(), c.maxFormParts(), c.maxPartHeaderBytes(), c.maxFieldBytes(),
                c.maxFileBytes() == 0 ? Long.MAX_VALUE : c.maxFileBytes(), c.fileMemoryThreshold(),
                dir.isEmpty() ? null : Path.of(dir).toAbsolutePath());
    }

    private static String uploadDir(HttpConfig c) {
        return Objects.requireNonNullElse(c.uploadDir(), "").strip();
    }
}
