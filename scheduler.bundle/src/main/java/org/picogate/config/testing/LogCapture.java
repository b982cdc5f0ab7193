package org.picogate.config.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a component logs under one logger name, from this capture's creation until {@link #close()}: for unit
 * tests of the line a configuration that cannot apply must log (naming the PID and the key). Picogate's components
 * log through {@code System.Logger}, which outside a framework goes to {@code java.util.logging}, so that is where
 * this listens; its level names (SEVERE for ERROR) are the ones {@link #lines()} shows.
 */
public final class LogCapture implements AutoCloseable {
    /** Held, so that java.util.logging does not forget the logger, and the handler with it. */
    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Starts capturing what is logged under {@code loggerName} (and the loggers below it). */
    public LogCapture(String loggerName) {
        logger = Logger.getLogger(loggerName);
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** Every message so far, in order, each as {@code "LEVEL message"}, e.g. {@code "SEVERE org.picogate.x: ..."}. */
    public List<String> lines() {
        return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
    }

    /** The messages logged at ERROR (SEVERE), in order. */
    public List<String> errors() {
        return messagesAt(Level.SEVERE);
    }

    /** The messages logged at WARNING, in order. */
    public List<String> warnings() {
        return messagesAt(Level.WARNING);
    }

    private List<String> messagesAt(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
    }

    /** Stops capturing; what was captured stays readable. */
    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
