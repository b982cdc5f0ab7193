package org.picogate.console.internal.config;

import java.util.List;

/**
 * One input of a configuration form, from an attribute's definition and its current value.
 *
 * @param id the attribute's id (the configuration key)
 * @param input {@code text}, {@code number}, {@code checkbox}, {@code select} or {@code password}
 * @param value what the input shows: the configured value, what was typed after an error, never a password
 * @param placeholder the default, shown when nothing is configured
 * @param secretSet for a password: whether one is configured (the page says so, never what it is)
 * @param options for a select: value and label pairs
 * @param error why the typed value was refused, or {@code null}
 */
public record ConfigField(String id, String name, String description, String input, String value,
        String placeholder, boolean secretSet, List<Option> options, String error, boolean multiple) {

    public record Option(String value, String label) {
    }

    public boolean checked() {
        return "true".equals(value);
    }
}
