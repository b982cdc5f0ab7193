package org.picogate.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class LogFormatTest {

    private static final long TIME = LocalDateTime.of(2026, 11, 30, 0, 51, 2, 123_000_000).toInstant(ZoneOffset.UTC)
            .toEpochMilli();
    private final LogFormat format = new LogFormat(ZoneOffset.UTC);

    @Test
    void aLineHasTimeLevelPaddedToFiveLoggerAndMessage() {
        assertThat(format.format(TIME, LogLevel.WARN, "org.picogate.http", "org.picogate.http.routing", "not served",
                null)).isEqualTo("2026-11-30 00:51:02.123 WARN  org.picogate.http.routing: not served");
        assertThat(format.format(TIME, LogLevel.DEBUG, "org.picogate.streams", "org.picogate.streams", "m", null))
                .isEqualTo("2026-11-30 00:51:02.123 DEBUG org.picogate.streams: m");
    }

    @Test
    void theTimeIsInTheGivenZone() {
        LogFormat paris = new LogFormat(ZoneId.of("Europe/Paris"));
        assertThat(paris.format(TIME, LogLevel.INFO, "b", "b", "m", null)).startsWith("2026-11-30 01:51:02.123 INFO  b:");
    }

    @Test
    void aLoggerOutsideItsBundlesNameShowsTheBundle() {
        assertThat(LogFormat.source("org.picogate.notes", "Events.Service")).isEqualTo("Events.Service [org.picogate.notes]");
        assertThat(LogFormat.source("org.apache.felix.framework", "jdk.event.security"))
                .isEqualTo("jdk.event.security [org.apache.felix.framework]");
        // a name that only starts with the same characters is another name
        assertThat(LogFormat.source("org.picogate.http", "org.picogate.httpx")).isEqualTo("org.picogate.httpx [org.picogate.http]");
    }

    @Test
    void felixLogsEventsUnderEventsXDotBundle() {
        assertThat(LogFormat.source("org.picogate.http", "Events.Service.org.picogate.http"))
                .isEqualTo("Events.Service [org.picogate.http]");
        assertThat(LogFormat.source("org.apache.felix.framework", "Events.Framework.org.apache.felix.framework"))
                .isEqualTo("Events.Framework [org.apache.felix.framework]");
    }

    @Test
    void theLegacyLogServiceLoggerAndNoLoggerShowTheBundle() {
        assertThat(LogFormat.source("org.apache.felix.fileinstall", "LogService.org.apache.felix.fileinstall"))
                .isEqualTo("org.apache.felix.fileinstall");
        assertThat(LogFormat.source("org.apache.felix.fileinstall", "LogService")).isEqualTo("org.apache.felix.fileinstall");
        assertThat(LogFormat.source("org.apache.felix.scr", null)).isEqualTo("org.apache.felix.scr");
        assertThat(LogFormat.source(null, "")).isEqualTo("-");
        assertThat(LogFormat.source(null, "some.logger")).isEqualTo("some.logger");
    }

    @Test
    void anExceptionFollowsWithItsStackTraceAndCause() {
        IllegalStateException e = new IllegalStateException("boom", new java.io.IOException("disk"));
        String line = format.format(TIME, LogLevel.ERROR, "b", "b", "failed", e);
        String[] lines = line.split("\\R");
        assertThat(lines[0]).isEqualTo("2026-11-30 00:51:02.123 ERROR b: failed");
        assertThat(lines[1]).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(lines[2]).startsWith("\tat org.picogate.logging.internal.LogFormatTest.");
        assertThat(line).contains("Caused by: java.io.IOException: disk").doesNotEndWith("\n");
    }

    @Test
    void aMultiLineMessageStaysAsItIs() {
        assertThat(format.format(TIME, LogLevel.AUDIT, "b", "b.access", "a\nb", null))
                .isEqualTo("2026-11-30 00:51:02.123 AUDIT b.access: a\nb");
    }
}
