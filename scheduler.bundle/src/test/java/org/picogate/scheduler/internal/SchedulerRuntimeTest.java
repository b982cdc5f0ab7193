package org.picogate.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Open-box test of the configured component: valid values apply live, invalid ones leave the old in force. */
class SchedulerRuntimeTest {
    private SchedulerRuntime runtime;

    /** A configuration as DS would hand it over: the given keys, defaults for the rest. */
    static SchedulerConfig config(Map<String, Object> values) {
        return (SchedulerConfig) Proxy.newProxyInstance(SchedulerConfig.class.getClassLoader(),
                new Class<?>[] { SchedulerConfig.class }, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    @AfterEach
    void deactivate() {
        runtime.deactivate();
    }

    @Test
    void defaultsAndLiveChangesApply() {
        runtime = new SchedulerRuntime(config(Map.of()));
        assertEquals(Duration.ofSeconds(2), runtime.core().grace());
        assertEquals(0, runtime.core().maxTasksPerOwner());
        runtime.modified(config(Map.of("graceMillis", 500L, "maxTasksPerBundle", 64)));
        assertEquals(Duration.ofMillis(500), runtime.core().grace());
        assertEquals(64, runtime.core().maxTasksPerOwner());
    }

    @Test
    void negativeValuesAreRejectedAndThePreviousConfigurationStays() {
        runtime = new SchedulerRuntime(config(Map.of("graceMillis", 700L, "maxTasksPerBundle", 10)));
        runtime.modified(config(Map.of("graceMillis", -1L)));
        runtime.modified(config(Map.of("maxTasksPerBundle", -5)));
        assertEquals(Duration.ofMillis(700), runtime.core().grace());
        assertEquals(10, runtime.core().maxTasksPerOwner());
    }
}
