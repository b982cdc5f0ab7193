package org.picogate.config.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.picogate.config.ConfigCheck;

class ConfigProxiesTest {

    @interface Sample {
        long graceMillis() default 2000;

        int maxTasks() default 0;

        boolean verbose() default false;

        String name() default "none";

        String picogate_http_prefix() default "";

        String[] tags() default {};
    }

    @Test
    void aKeyNotGivenReadsTheDefault() {
        Sample sample = ConfigProxies.of(Sample.class, Map.of());
        assertThat(sample.graceMillis()).isEqualTo(2000);
        assertThat(sample.maxTasks()).isZero();
        assertThat(sample.verbose()).isFalse();
        assertThat(sample.name()).isEqualTo("none");
        assertThat(sample.tags()).isEmpty();
    }

    @Test
    void valuesConvertToTheAttributesTypesAsDsConvertsThem() {
        Sample sample = ConfigProxies.of(Sample.class, Map.of("graceMillis", "500", "maxTasks", 3L, "verbose",
                "TRUE", "name", 42, "tags", new String[] { "a", "b" }));
        assertThat(sample.graceMillis()).isEqualTo(500);
        assertThat(sample.maxTasks()).isEqualTo(3);
        assertThat(sample.verbose()).isTrue();
        assertThat(sample.name()).isEqualTo("42");
        assertThat(sample.tags()).containsExactly("a", "b");
        assertThat(ConfigProxies.of(Sample.class, Map.of("graceMillis", 7, "verbose", true)).graceMillis())
                .isEqualTo(7);
    }

    @Test
    void aValueThatDoesNotConvertThrowsWhenItsAttributeIsReadNotBefore() {
        Sample sample = ConfigProxies.of(Sample.class, Map.of("graceMillis", "soon", "maxTasks", 3));
        assertThat(sample.maxTasks()).isEqualTo(3);
        assertThatThrownBy(sample::graceMillis).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("graceMillis=soon does not convert to long");
        assertThatThrownBy(ConfigProxies.of(Sample.class, Map.of("tags", 5))::tags)
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ConfigCheck.of(Sample.class, sample, Map.of("graceMillis", "soon")).invalidValues())
                .containsExactly("graceMillis=soon (not a long)");
    }

    @Test
    void attributeNamesReadTheKeysDsMapsThemTo() {
        assertThat(ConfigProxies.of(Sample.class, Map.of("picogate.http.prefix", "/n")).picogate_http_prefix())
                .isEqualTo("/n");
        assertThat(ConfigProxies.key("picogate_http_prefix")).isEqualTo("picogate.http.prefix");
        assertThat(ConfigProxies.key("a__b")).isEqualTo("a_b");
        assertThat(ConfigProxies.key("a$_$b")).isEqualTo("a-b");
        assertThat(ConfigProxies.key("a$$b")).isEqualTo("a$b");
        assertThat(ConfigProxies.key("a$b")).isEqualTo("ab");
        assertThat(ConfigProxies.key("graceMillis")).isEqualTo("graceMillis");
    }

    @Test
    void theMapIsReadWhenAnAttributeIsAndANullValueReadsTheDefault() {
        Map<String, Object> values = new HashMap<>();
        Sample sample = ConfigProxies.of(Sample.class, values);
        values.put("maxTasks", 9);
        values.put("name", null);
        assertThat(sample.maxTasks()).isEqualTo(9);
        assertThat(sample.name()).isEqualTo("none");
    }

    @Test
    void itIsAnAnnotationOfItsTypeEqualOnlyToItself() {
        Sample sample = ConfigProxies.of(Sample.class, Map.of("maxTasks", 3));
        assertThat(sample.annotationType()).isEqualTo(Sample.class);
        assertThat(sample).isEqualTo(sample).isNotEqualTo(ConfigProxies.of(Sample.class, Map.of("maxTasks", 3)));
        assertThat(sample.hashCode()).isEqualTo(System.identityHashCode(sample));
        assertThat(List.of(sample).toString()).isEqualTo("[@Sample{maxTasks=3}]");
    }
}
