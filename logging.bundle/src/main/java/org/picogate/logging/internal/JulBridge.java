package org.picogate.logging.internal;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * A java.util.logging handler that hands every record to the OSGi log, as logged by the bundle the logger's name
 * belongs to: the bundle whose symbolic name is the longest one equal to the name or a dotted prefix of it
 * ({@code org.picogate.http.routing} is {@code org.picogate.http}'s), else the system bundle (the JDK's own loggers).
 * So {@code System.Logger} lines get the console's format and obey that bundle's levels
 * ({@code org.osgi.service.log.admin|<bundle>}).
 */
final class JulBridge extends Handler {

    private final BundleContext context;
    private final SimpleFormatter messages = new SimpleFormatter();

    JulBridge(BundleContext context) {
        this.context = context;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        String name = record.getLoggerName() == null ? "" : record.getLoggerName();
        String message = messages.formatMessage(record);
        BundleContext owner = contextOf(name);
        if (!log(owner, name, record, message) && owner != context) {
            log(context, name, record, message);
        }
    }

    /** Logs through the LoggerFactory that {@code owner}'s bundle gets; false when there is none or it is gone. */
    private static boolean log(BundleContext owner, String name, LogRecord record, String message) {
        try {
            ServiceReference<LoggerFactory> reference = owner.getServiceReference(LoggerFactory.class);
            LoggerFactory factory = reference == null ? null : owner.getService(reference);
            if (factory == null) {
                return false;
            }
            try {
                log(factory.getLogger(name), record, message);
            } finally {
                owner.ungetService(reference);
            }
            return true;
        } catch (IllegalStateException bundleStopped) {
            return false;
        }
    }

    private static void log(Logger logger, LogRecord record, String message) {
        // "{}" with the message as argument: a '{}' in the message itself is then never taken for a placeholder
        Throwable thrown = record.getThrown();
        Object[] arguments = thrown == null ? new Object[] {message} : new Object[] {message, thrown};
        switch (LogLevels.fromJul(record.getLevel())) {
            case ERROR, AUDIT -> logger.error("{}", arguments);
            case WARN -> logger.warn("{}", arguments);
            case INFO -> logger.info("{}", arguments);
            case DEBUG -> logger.debug("{}", arguments);
            case TRACE -> logger.trace("{}", arguments);
        }
    }

    private BundleContext contextOf(String loggerName) {
        Bundle best = null;
        int bestLength = -1;
        for (Bundle bundle : context.getBundles()) {
            String bsn = bundle.getSymbolicName();
            if (bsn != null && bsn.length() > bestLength && belongsTo(loggerName, bsn)) {
                best = bundle;
                bestLength = bsn.length();
            }
        }
        if (best == null) {
            best = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        }
        BundleContext owner = best == null ? null : best.getBundleContext();
        return owner == null ? context : owner; // a bundle that is not started has no context
    }

    /** Whether a logger of that name belongs to the bundle of that symbolic name. */
    static boolean belongsTo(String loggerName, String symbolicName) {
        return loggerName.equals(symbolicName)
                || loggerName.startsWith(symbolicName) && loggerName.charAt(symbolicName.length()) == '.';
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
