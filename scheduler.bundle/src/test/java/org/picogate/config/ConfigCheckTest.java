package org.picogate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.picogate.config.testing.ConfigProxies;

class ConfigCheckTest {

    @interface Sample {
        long graceMillis() default 2000;

        int maxTasks() default 0;

        String picogate_http_prefix() default "";

        String[] tags() default {};
    }

    private static ConfigCheck check(Map<String, Object> properties) {
        return ConfigCheck.of(Sample.class, ConfigProxies.of(Sample.class, properties), properties);
    }

    @Test
    void aConfigurationOfKnownKeysWithValuesThatConvertIsValid() {
        ConfigCheck check = check(Map.of("graceMillis", "500", "maxTasks", 3, "picogate.http.prefix", "/n"));
        assertTrue(check.valid());
        assertEquals(List.of(), check.unknownKeys());
        assertEquals(List.of(), check.invalidValues());
    }

    @Test
    void theKeysTheFrameworkAddsAreNotUnknown() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.pid", "org.picogate.sample");
        properties.put("service.bundleLocation", "?");
        properties.put("service.factoryPid", "x");
        properties.put("component.name", "Sample");
        properties.put("component.id", 7L);
        properties.put("felix.fileinstall.filename", "file:/deploy/org.picogate.sample.config");
        properties.put("osgi.ds.satisfying.condition.target", "(osgi.condition.id=true)");
        properties.put("scheduler.target", "(a=b)");
        assertEquals(List.of(), check(properties).unknownKeys());
    }

    @Test
    void keysNoAttributeReadsAreUnknownButDoNotMakeItInvalid() {
        ConfigCheck check = check(Map.of("graceMilis", 5L, "maxtasks", 3, "graceMillis", 10L));
        assertEquals(List.of("graceMilis", "maxtasks"), check.unknownKeys());
        assertTrue(check.valid());
    }

    @Test
    void aValueThatDoesNotConvertIsInvalidNamingTheKeyTheValueAndTheType() {
        ConfigCheck check = check(Map.of("graceMillis", "soon", "maxTasks", "many"));
        assertFalse(check.valid());
        assertEquals(List.of("graceMillis=soon (not a long)", "maxTasks=many (not an int)"),
                check.invalidValues().stream().sorted().toList());
    }

    @Test
    void theDefaultsAreTheDeclaredOnes() {
        Sample defaults = ConfigCheck.defaults(Sample.class);
        assertEquals(2000, defaults.graceMillis());
        assertEquals(0, defaults.maxTasks());
        assertEquals("", defaults.picogate_http_prefix());
        assertEquals(0, defaults.tags().length);
        assertEquals(Sample.class, defaults.annotationType());
    }

    @Test
    void attributeNamesMapToKeysAsDsMapsThem() {
        assertEquals("picogate.http.prefix", ConfigCheck.key("picogate_http_prefix"));
        assertEquals("a_b", ConfigCheck.key("a__b"));
        assertEquals("a-b", ConfigCheck.key("a$_$b"));
        assertEquals("a$b", ConfigCheck.key("a$$b"));
        assertEquals("ab", ConfigCheck.key("a$b"));
        assertEquals("graceMillis", ConfigCheck.key("graceMillis"));
    }
}
