package org.picogate.http.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Where access log lines go: the OSGi Log service's logger {@value AccessLog#LOGGER_NAME}, at AUDIT level, which
 * the Log service records whatever levels are configured (an access log that is switched on must not be dropped
 * by the default WARN level). Without a Log service the lines are dropped. The logger is looked up once per
 * {@link LoggerFactory}, not per line.
 */
final class AccessLogSink implements Consumer<String> {
    private final Supplier<LoggerFactory> loggers;
    private volatile Cached cached;

    private record Cached(LoggerFactory factory, Logger logger) {
    }

    /** @param loggers the Log service now, or {@code null} while there is none */
    AccessLogSink(Supplier<LoggerFactory> loggers) {
        this.loggers = loggers;
    }

    @Override
    public void accept(String line) {
        LoggerFactory factory = loggers.get();
        if (factory == null) {
            return;
        }
        Cached c = cached;
        if (c == null || c.factory() != factory) {
            c = new Cached(factory, factory.getLogger(AccessLog.LOGGER_NAME));
            cached = c;
        }
        c.logger().audit(line);
    }
}
