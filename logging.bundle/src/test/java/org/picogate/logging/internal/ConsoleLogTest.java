package org.picogate.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/** The console's listener "open box": a log reader, levels and entries of our own, no framework. */
class ConsoleLogTest {

    private final List<String> printed = new CopyOnWriteArrayList<>();
    private final Reader reader = new Reader();
    private final Levels levels = new Levels(Map.of("Events.Service", LogLevel.WARN), LogLevel.INFO);

    @Test
    void whatWasLoggedBeforeComesFirstOldestFirstThenWhatComes() {
        reader.kept.add(0, entry(1, LogLevel.INFO, "a", "first"));
        reader.kept.add(0, entry(2, LogLevel.WARN, "a", "second")); // getLog() is newest first
        new ConsoleLog(reader, levels, printed::add);
        reader.deliver(entry(3, LogLevel.ERROR, "a", "third"));
        assertThat(printed).hasSize(3);
        assertThat(printed.get(0)).endsWith(" INFO  a: first");
        assertThat(printed.get(1)).endsWith(" WARN  a: second");
        assertThat(printed.get(2)).endsWith(" ERROR a: third");
    }

    @Test
    void anEntryBothKeptAndDeliveredIsPrintedOnce() {
        LogEntry both = entry(5, LogLevel.INFO, "a", "once");
        reader.kept.add(both);
        new ConsoleLog(reader, levels, printed::add);
        reader.deliver(both); // logged between the listener's registration and getLog()
        reader.deliver(entry(6, LogLevel.INFO, "a", "next"));
        assertThat(printed).hasSize(2);
        assertThat(printed.get(0)).endsWith(": once");
        assertThat(printed.get(1)).endsWith(": next");
    }

    @Test
    void entriesBelowTheirLoggersLevelAreNotPrintedButAuditAlwaysIs() {
        new ConsoleLog(reader, levels, printed::add);
        // Felix Log hands its own event entries to listeners whatever the level
        reader.deliver(entry(1, LogLevel.INFO, "Events.Service.org.picogate.http", "ServiceEvent REGISTERED"));
        reader.deliver(entry(2, LogLevel.WARN, "Events.Service.org.picogate.http", "kept"));
        reader.deliver(entry(3, LogLevel.DEBUG, "org.picogate.http", "dropped"));
        reader.deliver(entry(4, LogLevel.AUDIT, "org.picogate.http.access", "GET /"));
        assertThat(printed).hasSize(2);
        assertThat(printed.get(0)).endsWith(" WARN  Events.Service.org.picogate.http: kept");
        assertThat(printed.get(1)).endsWith(" AUDIT org.picogate.http.access: GET /");
    }

    @Test
    void theListenerGoesWithTheComponent() {
        ConsoleLog console = new ConsoleLog(reader, levels, printed::add);
        assertThat(reader.listeners).containsExactly(console);
        console.deactivate();
        assertThat(reader.listeners).isEmpty();
    }

    private static LogEntry entry(long sequence, LogLevel level, String logger, String message) {
        return new Entry(sequence, level, logger, message);
    }

    private record Entry(long getSequence, LogLevel getLogLevel, String getLoggerName, String getMessage)
            implements LogEntry {
        @Override
        public Bundle getBundle() {
            return null;
        }

        @Override
        public ServiceReference<?> getServiceReference() {
            return null;
        }

        @Override
        @SuppressWarnings("deprecation")
        public int getLevel() {
            return getLogLevel.ordinal();
        }

        @Override
        public Throwable getException() {
            return null;
        }

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public String getThreadInfo() {
            return "test";
        }

        @Override
        public StackTraceElement getLocation() {
            return null;
        }
    }

    private static final class Reader implements LogReaderService {
        final List<LogEntry> kept = new ArrayList<>();
        final List<LogListener> listeners = new CopyOnWriteArrayList<>();

        void deliver(LogEntry entry) {
            listeners.forEach(l -> l.logged(entry));
        }

        @Override
        public void addLogListener(LogListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeLogListener(LogListener listener) {
            listeners.remove(listener);
        }

        @Override
        public Enumeration<LogEntry> getLog() {
            return Collections.enumeration(kept);
        }
    }

    /** One context for every bundle: a logger's level is its own, or its nearest dotted ancestor's, or the root's. */
    private record Levels(Map<String, LogLevel> byName, LogLevel root) implements LoggerAdmin, LoggerContext {
        @Override
        public LoggerContext getLoggerContext(String name) {
            return this;
        }

        @Override
        public String getName() {
            return null;
        }

        @Override
        public LogLevel getEffectiveLogLevel(String name) {
            for (String n = name; n != null; n = n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : null) {
                if (byName.containsKey(n)) {
                    return byName.get(n);
                }
            }
            return root;
        }

        @Override
        public Map<String, LogLevel> getLogLevels() {
            return byName;
        }

        @Override
        public void setLogLevels(Map<String, LogLevel> logLevels) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isEmpty() {
            return byName.isEmpty();
        }
    }
}
