package org.picogate.console.internal.status;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogReaderService;

/** The last entries of the OSGi log (Felix Log keeps the recent ones in memory), newest first. */
public final class RecentLog {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final LogReaderService reader;

    public RecentLog(LogReaderService reader) {
        this.reader = reader;
    }

    public List<LogRow> last(int max) {
        List<LogRow> rows = new ArrayList<>();
        for (Enumeration<LogEntry> entries = reader.getLog(); entries.hasMoreElements() && rows.size() < max;) {
            rows.add(row(entries.nextElement()));
        }
        return rows;
    }

    static LogRow row(LogEntry entry) {
        Throwable t = entry.getException();
        String bundle = entry.getBundle() == null ? "" : String.valueOf(entry.getBundle().getSymbolicName());
        return new LogRow(TIME.format(Instant.ofEpochMilli(entry.getTime())), String.valueOf(entry.getLogLevel()),
                bundle, String.valueOf(entry.getLoggerName()), String.valueOf(entry.getMessage()),
                t == null ? "" : t.getClass().getName() + ": " + t.getMessage());
    }
}
