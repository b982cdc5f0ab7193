package org.picogate.console.internal.config;

/**
 * A PID with a Metatype description, for the configuration list.
 *
 * @param configured whether Config Admin holds a configuration for it
 */
public record ConfigPid(String pid, String name, String description, String bundle, boolean configured) {
}
