package org.picogate.streams.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the streams log (System.Logger {@code org.picogate.streams}, which outside OSGi goes to
 * java.util.logging) from its creation until {@link #close()}.
 */
final class LogCapture implements AutoCloseable {
    /** Held, so that java.util.logging does not forget the logger and its handler. */
    private final Logger logger = Logger.getLogger("org.picogate.streams");
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

    LogCapture() {
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** The messages logged at ERROR (SEVERE). */
    List<String> errors() {
        return records.stream().filter(r -> r.getLevel() == Level.SEVERE).map(LogRecord::getMessage).toList();
    }

    /** The messages logged at WARNING. */
    List<String> warnings() {
        return records.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
