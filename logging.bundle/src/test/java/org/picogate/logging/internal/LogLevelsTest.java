package org.picogate.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class LogLevelsTest {

    @Test
    void levelNamesParseAsFelixLogReadsThemAndAnythingElseIsNone() {
        assertThat(LogLevels.parse("DEBUG")).contains(LogLevel.DEBUG);
        assertThat(LogLevels.parse(" warn ")).contains(LogLevel.WARN);
        assertThat(LogLevels.parse("VERBOSE")).isEmpty();
        assertThat(LogLevels.parse("")).isEmpty();
        assertThat(LogLevels.parse(5)).isEmpty();
        assertThat(LogLevels.parse(null)).isEmpty();
    }

    @Test
    void theMostVerboseLevelSkipsValuesThatAreNoLevel() {
        assertThat(LogLevels.mostVerbose(LogLevel.WARN, List.of("INFO", "ERROR"))).isEqualTo(LogLevel.INFO);
        assertThat(LogLevels.mostVerbose(LogLevel.WARN, List.of("org.osgi.service.log.admin", "nonsense", 3)))
                .isEqualTo(LogLevel.WARN);
        assertThat(LogLevels.mostVerbose(LogLevel.INFO, List.of("TRACE", "DEBUG"))).isEqualTo(LogLevel.TRACE);
        assertThat(LogLevels.mostVerbose(LogLevel.INFO, List.of("AUDIT"))).isEqualTo(LogLevel.INFO);
    }

    @Test
    void theDefaultsAreInfoButFelixEventsFromWarn() {
        assertThat(LogLevels.DEFAULTS).containsEntry("ROOT", LogLevel.INFO).containsEntry("Events.Service", LogLevel.WARN)
                .containsEntry("Events.Bundle", LogLevel.WARN).containsEntry("Events.Framework", LogLevel.WARN);
        assertThat(LogLevels.mostVerbose(LogLevel.WARN, LogLevels.DEFAULTS.values())).isEqualTo(LogLevel.INFO);
    }

    @Test
    void julLevelsRoundTripSystemLoggerLevels() {
        // System.Logger levels as the JDK maps them to java.util.logging: ERROR SEVERE, WARNING WARNING, INFO INFO,
        // DEBUG FINE, TRACE FINER
        assertThat(LogLevels.fromJul(Level.SEVERE)).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevels.fromJul(Level.WARNING)).isEqualTo(LogLevel.WARN);
        assertThat(LogLevels.fromJul(Level.INFO)).isEqualTo(LogLevel.INFO);
        assertThat(LogLevels.fromJul(Level.CONFIG)).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevels.fromJul(Level.FINE)).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevels.fromJul(Level.FINER)).isEqualTo(LogLevel.TRACE);
        assertThat(LogLevels.fromJul(Level.FINEST)).isEqualTo(LogLevel.TRACE);
        for (LogLevel level : List.of(LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO, LogLevel.DEBUG)) {
            assertThat(LogLevels.fromJul(LogLevels.toJul(level))).isEqualTo(level);
        }
        // TRACE lets FINER (System.Logger's TRACE) through
        assertThat(LogLevels.toJul(LogLevel.TRACE).intValue()).isLessThanOrEqualTo(Level.FINER.intValue());
    }

    @Test
    void aLoggerBelongsToTheBundleOfItsNameOrADottedPrefix() {
        assertThat(JulBridge.belongsTo("org.picogate.http", "org.picogate.http")).isTrue();
        assertThat(JulBridge.belongsTo("org.picogate.http.routing", "org.picogate.http")).isTrue();
        assertThat(JulBridge.belongsTo("org.picogate.httpx", "org.picogate.http")).isFalse();
        assertThat(JulBridge.belongsTo("org.picogate", "org.picogate.http")).isFalse();
        assertThat(JulBridge.belongsTo("", "org.picogate.http")).isFalse();
    }
}
