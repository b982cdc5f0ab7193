package org.picogate.logging.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/**
 * Prints the OSGi log on standard output, a {@link LogFormat} line per entry that the level of its logger lets
 * through. Felix Log checks the levels of what bundles log, but its own entries of framework, bundle and service
 * events ({@code Events.Service.<bundle>} and the like) reach listeners whatever the level, so this checks every entry
 * against the effective level of its bundle's logger context (LoggerAdmin) once more. At activation it first prints
 * what Felix Log kept from before (the start of the framework), then what comes; the entries' sequence numbers keep
 * one from being printed twice.
 */
@Component(immediate = true, service = {}) // a listener added to the reader, not a whiteboard service
public final class ConsoleLog implements LogListener {

    private final LogReaderService reader;
    private final LoggerAdmin levels;
    private final Consumer<String> console;
    private final LogFormat format = new LogFormat(ZoneId.systemDefault());
    private final ReentrantLock lock = new ReentrantLock();
    private long printedUpTo = -1;

    @Activate
    public ConsoleLog(@Reference LogReaderService reader, @Reference LoggerAdmin levels) {
        // System.out at each line, not kept: Gogo may put its own stream there
        this(reader, levels, line -> System.out.println(line));
    }

    ConsoleLog(LogReaderService reader, LoggerAdmin levels, Consumer<String> console) {
        this.reader = reader;
        this.levels = levels;
        this.console = console;
        lock.lock();
        try {
            reader.addLogListener(this); // its first entries wait for the lock until the earlier ones are out
            List<LogEntry> earlier = new ArrayList<>(Collections.list(reader.getLog())); // newest first
            Collections.reverse(earlier);
            earlier.forEach(this::print);
        } finally {
            lock.unlock();
        }
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        lock.lock();
        try {
            print(entry);
        } finally {
            lock.unlock();
        }
    }

    private void print(LogEntry entry) {
        if (entry.getSequence() <= printedUpTo) {
            return;
        }
        printedUpTo = entry.getSequence();
        Bundle bundle = entry.getBundle();
        LoggerContext context = levels.getLoggerContext(bundle == null ? null : bundle.getSymbolicName());
        if (!context.getEffectiveLogLevel(entry.getLoggerName()).implies(entry.getLogLevel())) {
            return;
        }
        console.accept(format.format(entry.getTime(), entry.getLogLevel(),
                bundle == null ? null : bundle.getSymbolicName(), entry.getLoggerName(), entry.getMessage(),
                entry.getException()));
    }
}
