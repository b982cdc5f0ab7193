package org.picogate.console.internal.status;

/** One entry of the log page. */
public record LogRow(String time, String level, String bundle, String logger, String message, String exception) {
}
