package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.picogate.config.ConfigCheck;
import org.picogate.http.internal.forms.FormLimits;

/** The form keys of PID org.picogate.http: their bounds, and the limits they make. */
class FormConfigTest {

    private static List<String> violations(Map<String, Object> values) {
        HttpConfig c = HttpConfigRulesTest.config(values);
        return HttpConfigRules.violations(c, ConfigCheck.of(HttpConfig.class, c, values));
    }

    @Test
    void theDefaultsAreTheFormerBuiltInLimits() {
        assertThat(violations(Map.of())).isEmpty();
        assertThat(FormConfig.limits(HttpConfigRulesTest.config(Map.of()))).isEqualTo(FormLimits.DEFAULTS);
    }

    @Test
    void everyKeyAtItsBoundPassesAndIsApplied(@TempDir Path dir) {
        Map<String, Object> values = new HashMap<>();
        values.put("maxParameters", 1);
        values.put("maxFormParts", 1);
        values.put("maxPartHeaderBytes", 64);
        values.put("maxFieldBytes", 1);
        values.put("maxFileBytes", 5L);
        values.put("fileMemoryThreshold", 0);
        values.put("uploadDir", " " + dir + " ");
        assertThat(violations(values)).isEmpty();
        assertThat(FormConfig.limits(HttpConfigRulesTest.config(values)))
                .isEqualTo(new FormLimits(1, 1, 64, 1, 5, 0, dir.toAbsolutePath()));
        assertThat(violations(Map.of("maxPartHeaderBytes", 65536))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "maxParameters | 0 | maxParameters=0 (must be at least 1)",
        "maxFormParts | -1 | maxFormParts=-1 (must be at least 1)",
        "maxPartHeaderBytes | 63 | maxPartHeaderBytes=63 (must be at least 64)",
        "maxPartHeaderBytes | 65537 | maxPartHeaderBytes=65537 (must be at most 65536)",
        "maxFieldBytes | 0 | maxFieldBytes=0 (must be at least 1)",
        "maxFileBytes | -1 | maxFileBytes=-1 (must not be negative)",
        "fileMemoryThreshold | -1 | fileMemoryThreshold=-1 (must not be negative)",
        "maxFileBytes | lots | maxFileBytes=lots (not a long)",
        "maxFormParts | many | maxFormParts=many (not an int)",
    })
    void aValueThatCannotApplyIsNamedWithItsKey(String key, String value, String violation) {
        Map<String, Object> values = new HashMap<>();
        values.put(key, value);
        assertThat(violations(values)).containsExactly(violation);
    }

    @Test
    void anUploadDirectoryMustBeAnExistingDirectory(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThat(violations(Map.of("uploadDir", dir.resolve("missing").toString())))
                .containsExactly("uploadDir=" + dir.resolve("missing") + " (not an existing directory)");
        assertThat(violations(Map.of("uploadDir", file.toString())))
                .containsExactly("uploadDir=" + file + " (not an existing directory)");
        assertThat(violations(Map.of("uploadDir", "bad\0path")).get(0)).startsWith("uploadDir=bad\0path (not a path");
    }

    @Test
    void zeroFileBytesMeansOnlyMaxBodyBoundsAFile() {
        assertThat(FormConfig.limits(HttpConfigRulesTest.config(Map.of("maxFileBytes", 0L))).maxFileBytes())
                .isEqualTo(Long.MAX_VALUE);
        List<String> none = new ArrayList<>();
        FormConfig.check(HttpConfigRulesTest.config(Map.of()), none);
        assertThat(none).isEmpty();
    }
}
