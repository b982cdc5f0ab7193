package org.picogate.logging.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.osgi.service.log.LogLevel;

/**
 * The console's line for one log entry:
 * {@code 2026-11-30 00:51:02.123 WARN  org.picogate.http.routing: route /a of 12 not served: ...}, then the
 * exception's stack trace, if any, on the lines below. The source is the logger name, which in Picogate is the
 * bundle's symbolic name or a name under it; where it is not, the bundle follows in brackets. Felix Log names its
 * loggers of events {@code Events.Service.<bundle>} (also {@code Events.Bundle}, {@code Events.Framework}) and the
 * one of the pre-R7 LogService methods {@code LogService.<bundle>}: those show as
 * {@code Events.Service [org.picogate.http]} and as the bundle. Local time, since a gateway's operator reads it next
 * to the device's clock. A pure function, so it is unit-tested.
 */
final class LogFormat {

    /** Felix Log's name for entries logged through the pre-R7 {@code LogService} methods. */
    static final String LEGACY_LOGGER = "LogService";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final ZoneId zone;

    LogFormat(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param millis  the entry's time, milliseconds since the epoch
     * @param bundle  the symbolic name of the bundle that logged it, or null
     * @param logger  the logger name, or null
     */
    String format(long millis, LogLevel level, String bundle, String logger, String message, Throwable exception) {
        StringBuilder line = new StringBuilder(96);
        TIME.formatTo(Instant.ofEpochMilli(millis).atZone(zone), line);
        line.append(' ').append(level == null ? "?" : level.name());
        for (int pad = level == null ? 1 : level.name().length(); pad < 5; pad++) {
            line.append(' ');
        }
        line.append(' ').append(source(bundle, logger)).append(": ").append(message);
        if (exception != null) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        return line.toString();
    }

    static String source(String bundle, String logger) {
        if (logger != null && bundle != null && logger.endsWith("." + bundle)) {
            logger = logger.substring(0, logger.length() - bundle.length() - 1); // Felix's Events.X.<bundle>
        }
        if (logger == null || logger.isEmpty() || logger.equals(LEGACY_LOGGER)) {
            return bundle == null ? "-" : bundle;
        }
        if (bundle == null || logger.equals(bundle) || logger.startsWith(bundle + ".")) {
            return logger;
        }
        return logger + " [" + bundle + "]";
    }
}
