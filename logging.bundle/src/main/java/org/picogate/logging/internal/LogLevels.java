package org.picogate.logging.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import org.osgi.service.log.LogLevel;

/**
 * The gateway's default levels and the mapping between OSGi log levels and java.util.logging's. Pure functions,
 * unit-tested.
 */
final class LogLevels {

    /** PID of the configuration with the levels of every bundle (OSGi R7, 101.8.4). */
    static final String ROOT_PID = "org.osgi.service.log.admin";
    /** Prefix of the PIDs with one bundle's levels: {@code org.osgi.service.log.admin|<bundle symbolic name>}. */
    static final String BUNDLE_PID_PREFIX = ROOT_PID + "|";
    /** The name of the root logger in a level map. */
    static final String ROOT = "ROOT";

    /**
     * While no {@link #ROOT_PID} configuration exists: INFO, but Felix Log's own loggers of framework, bundle and
     * service events only from WARN (at INFO they print a line for every service registered, ~100 at each start).
     */
    static final Map<String, LogLevel> DEFAULTS = Map.of(ROOT, LogLevel.INFO, "Events.Framework", LogLevel.WARN,
            "Events.Bundle", LogLevel.WARN, "Events.Service", LogLevel.WARN);

    private LogLevels() {
    }

    /** A level, or a level name of a configuration as Felix Log reads it (case aside); empty when it is none. */
    static Optional<LogLevel> parse(Object value) {
        if (value instanceof LogLevel level) {
            return Optional.of(level);
        }
        if (value instanceof String name) {
            try {
                return Optional.of(LogLevel.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException notALevel) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The more verbose of two levels (TRACE is the most verbose, AUDIT the least). */
    static LogLevel moreVerbose(LogLevel a, LogLevel b) {
        return a.implies(b) ? a : b;
    }

    /** The most verbose of {@code start} and the levels among {@code values}; values that are no level are skipped. */
    static LogLevel mostVerbose(LogLevel start, Iterable<?> values) {
        LogLevel verbose = start;
        for (Object value : values) {
            Optional<LogLevel> level = parse(value);
            if (level.isPresent()) {
                verbose = moreVerbose(verbose, level.get());
            }
        }
        return verbose;
    }

    /** The java.util.logging level that lets through what {@code level} lets through, and little more. */
    static Level toJul(LogLevel level) {
        return switch (level) {
            case TRACE -> Level.FINEST;
            case DEBUG -> Level.FINE;
            case INFO -> Level.INFO;
            case WARN -> Level.WARNING;
            case ERROR, AUDIT -> Level.SEVERE;
        };
    }

    /**
     * The OSGi level of a java.util.logging record: SEVERE is ERROR, WARNING WARN, INFO INFO, CONFIG and FINE
     * DEBUG ({@code System.Logger}'s DEBUG is FINE), FINER and below TRACE.
     */
    static LogLevel fromJul(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return LogLevel.ERROR;
        } else if (value >= Level.WARNING.intValue()) {
            return LogLevel.WARN;
        } else if (value >= Level.INFO.intValue()) {
            return LogLevel.INFO;
        } else if (value >= Level.FINE.intValue()) {
            return LogLevel.DEBUG;
        }
        return LogLevel.TRACE;
    }
}
