package org.picogate.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.picogate.config.testing.ConfigProxies;
import org.picogate.config.testing.LogCapture;

/** Open-box test of the configured component: valid values apply live, invalid ones leave the old in force. */
class SchedulerRuntimeTest {
    private SchedulerRuntime runtime;
    private LogCapture log;

    private static SchedulerRuntime activate(Map<String, Object> values) {
        return new SchedulerRuntime(ConfigProxies.of(SchedulerConfig.class, values), values);
    }

    private void modify(Map<String, Object> values) {
        runtime.modified(ConfigProxies.of(SchedulerConfig.class, values), values);
    }

    @BeforeEach
    void captureLog() {
        log = new LogCapture("org.picogate.scheduler");
    }

    @AfterEach
    void deactivate() {
        log.close();
        runtime.deactivate();
    }

    @Test
    void defaultsAndLiveChangesApply() {
        runtime = activate(Map.of());
        assertEquals(Duration.ofSeconds(2), runtime.core().grace());
        assertEquals(0, runtime.core().maxTasksPerOwner());
        modify(Map.of("graceMillis", 500L, "maxTasksPerBundle", 64, "service.pid", "org.picogate.scheduler",
                "felix.fileinstall.filename", "file:/gw/deploy/org.picogate.scheduler.config"));
        assertEquals(Duration.ofMillis(500), runtime.core().grace());
        assertEquals(64, runtime.core().maxTasksPerOwner());
        assertEquals(List.of(), log.lines());
    }

    @Test
    void negativeValuesAreRejectedAndThePreviousConfigurationStays() {
        runtime = activate(Map.of("graceMillis", 700L, "maxTasksPerBundle", 10));
        modify(Map.of("graceMillis", -1L));
        modify(Map.of("maxTasksPerBundle", -5));
        assertEquals(Duration.ofMillis(700), runtime.core().grace());
        assertEquals(10, runtime.core().maxTasksPerOwner());
        assertEquals(List.of("SEVERE org.picogate.scheduler: rejected graceMillis=-1 (must not be negative); keeping"
                + " graceMillis=700, maxTasksPerBundle=10", "SEVERE org.picogate.scheduler: rejected"
                + " maxTasksPerBundle=-5 (must not be negative); keeping graceMillis=700, maxTasksPerBundle=10"),
                log.lines());
    }

    @Test
    void aValueOfTheWrongTypeIsRejectedNamingTheKeyAndThePreviousConfigurationStays() {
        runtime = activate(Map.of("graceMillis", 700L));
        modify(Map.of("graceMillis", "soon", "maxTasksPerBundle", 5));
        assertEquals(Duration.ofMillis(700), runtime.core().grace());
        assertEquals(0, runtime.core().maxTasksPerOwner(), "nothing of a rejected configuration applies");
        assertEquals(List.of("SEVERE org.picogate.scheduler: rejected graceMillis=soon (not a long); keeping"
                + " graceMillis=700, maxTasksPerBundle=0"), log.lines());
    }

    @Test
    void aValueOfTheWrongTypeAtTheStartKeepsTheDefaultsInsteadOfFailingTheComponent() {
        runtime = activate(Map.of("maxTasksPerBundle", "lots"));
        assertEquals(Duration.ofSeconds(2), runtime.core().grace());
        assertEquals(0, runtime.core().maxTasksPerOwner());
        assertEquals(1, log.lines().size());
        assertTrue(log.lines().get(0).startsWith("SEVERE org.picogate.scheduler: rejected maxTasksPerBundle=lots (not an"
                + " int)"), log.lines().get(0));
    }

    @Test
    void anUnknownKeyIsLoggedByNameAndTheRestApplies() {
        runtime = activate(Map.of());
        modify(Map.of("graceMilis", 500L, "maxTasksPerBundle", 8));
        assertEquals(Duration.ofSeconds(2), runtime.core().grace());
        assertEquals(8, runtime.core().maxTasksPerOwner());
        assertEquals(List.of("WARNING org.picogate.scheduler: ignored unknown key(s) graceMilis (known: graceMillis,"
                + " maxTasksPerBundle)"), log.lines());
    }
}
