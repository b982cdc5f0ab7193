package org.picogate.console.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;

class ConfigValuesTest {

    /** An attribute definition as Metatype gives one, with a min/max check like Felix's. */
    record Ad(String id, int type, int cardinality, String[] options, Long min, Long max)
            implements AttributeDefinition {
        public String getName() {
            return id;
        }

        public String getID() {
            return id;
        }

        public String getDescription() {
            return "";
        }

        public int getCardinality() {
            return cardinality;
        }

        public int getType() {
            return type;
        }

        public String[] getOptionValues() {
            return options;
        }

        public String[] getOptionLabels() {
            return options;
        }

        public String validate(String value) {
            if (min == null && max == null) {
                return null;
            }
            long v = Long.parseLong(value);
            if (min != null && v < min) {
                return "Value is less than minimum: " + min;
            }
            if (max != null && v > max) {
                return "Value is greater than maximum: " + max;
            }
            return "";
        }

        public String[] getDefaultValue() {
            return null;
        }
    }

    static Ad of(int type) {
        return new Ad("k", type, 0, null, null, null);
    }

    @Test
    void scalarsAreTypedAsConfigAdminStoresThem() {
        assertThat(ConfigValues.parse(of(AttributeDefinition.INTEGER), " 8080 ")).isEqualTo(8080);
        assertThat(ConfigValues.parse(of(AttributeDefinition.LONG), "1048576")).isEqualTo(1048576L);
        assertThat(ConfigValues.parse(of(AttributeDefinition.BOOLEAN), "TRUE")).isEqualTo(true);
        assertThat(ConfigValues.parse(of(AttributeDefinition.STRING), " text ")).isEqualTo("text");
        assertThat(ConfigValues.parse(of(AttributeDefinition.DOUBLE), "0.5")).isEqualTo(0.5);
        assertThat(ConfigValues.parse(of(AttributeDefinition.CHARACTER), "x")).isEqualTo('x');
    }

    @Test
    void badValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ConfigValues.parse(of(AttributeDefinition.INTEGER), "80 80"))
                .hasMessage("not a whole number: 80 80");
        assertThatThrownBy(() -> ConfigValues.parse(of(AttributeDefinition.INTEGER), "99999999999"))
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> ConfigValues.parse(of(AttributeDefinition.DOUBLE), "half"))
                .hasMessage("not a number: half");
        assertThatThrownBy(() -> ConfigValues.parse(of(AttributeDefinition.BOOLEAN), "yes"))
                .hasMessage("not true or false: yes");
        assertThatThrownBy(() -> ConfigValues.parse(of(AttributeDefinition.CHARACTER), "xy"))
                .hasMessage("must be one character");
    }

    @Test
    void theDefinitionsOwnValidationAndOptionsApply() {
        Ad port = new Ad("port", AttributeDefinition.INTEGER, 0, null, 0L, 65535L);
        assertThat(ConfigValues.parse(port, "65535")).isEqualTo(65535);
        assertThatThrownBy(() -> ConfigValues.parse(port, "65536")).hasMessage("Value is greater than maximum: 65535");
        assertThatThrownBy(() -> ConfigValues.parse(port, "-1")).hasMessage("Value is less than minimum: 0");
        Ad auth = new Ad("tlsClientAuth", AttributeDefinition.STRING, 0, new String[] { "none", "want", "need" },
                null, null);
        assertThat(ConfigValues.parse(auth, "want")).isEqualTo("want");
        assertThatThrownBy(() -> ConfigValues.parse(auth, "maybe")).hasMessage("must be one of none, want, need");
    }

    @Test
    void multipleValuesAreArraysOrListsWithinTheCardinality() {
        Object array = ConfigValues.parse(new Ad("a", AttributeDefinition.INTEGER, 3, null, null, null), "1, 2,3");
        assertThat(array).isEqualTo(new Integer[] { 1, 2, 3 });
        Object list = ConfigValues.parse(new Ad("l", AttributeDefinition.STRING, -5, null, null, null), "a,b");
        assertThat(list).isEqualTo(List.of("a", "b"));
        assertThatThrownBy(() -> ConfigValues.parse(new Ad("a", AttributeDefinition.INTEGER, 2, null, null, null),
                "1,2,3")).hasMessage("at most 2 values are allowed");
        assertThat(ConfigValues.display(new Integer[] { 1, 2 })).isEqualTo("1, 2");
        assertThat(ConfigValues.display(List.of("a", "b"))).isEqualTo("a, b");
        assertThat(ConfigValues.display(null)).isEmpty();
    }
}
