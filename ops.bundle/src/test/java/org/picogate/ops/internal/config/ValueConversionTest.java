package org.picogate.ops.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;

/** Text typed after {@code key=} to the attribute's type: conversions, lists, and each way it can be wrong. */
class ValueConversionTest {

    /** An attribute as Metatype describes one; {@code validate} checks the options and an inclusive max. */
    record Ad(String id, int type, int cardinality, String[] options, Long max) implements AttributeDefinition {
        static Ad of(int type) {
            return new Ad("k", type, 0, null, null);
        }

        @Override
        public String getName() {
            return id;
        }

        @Override
        public String getID() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public int getCardinality() {
            return cardinality;
        }

        @Override
        public int getType() {
            return type;
        }

        @Override
        public String[] getOptionValues() {
            return options;
        }

        @Override
        public String[] getOptionLabels() {
            return options;
        }

        @Override
        public String validate(String value) {
            if (options != null && !List.of(options).contains(value)) {
                return "not one of " + List.of(options);
            }
            if (max != null && Long.parseLong(value.strip()) > max) {
                return "more than " + max;
            }
            return "";
        }

        @Override
        public String[] getDefaultValue() {
            return null;
        }
    }

    @Test
    void scalarsTakeTheirAttributesType() {
        assertThat(ValueConversion.convert(Ad.of(AttributeDefinition.INTEGER), "8081")).isEqualTo(8081);
        assertThat(ValueConversion.convert(Ad.of(AttributeDefinition.LONG), " 5000 ")).isEqualTo(5000L);
        assertThat(ValueConversion.convert(Ad.of(AttributeDefinition.BOOLEAN), "TRUE")).isEqualTo(true);
        assertThat(ValueConversion.convert(Ad.of(AttributeDefinition.DOUBLE), "0.5")).isEqualTo(0.5);
        assertThat(ValueConversion.convert(Ad.of(AttributeDefinition.CHARACTER), "x")).isEqualTo('x');
        assertThat(ValueConversion.convert(Ad.of(AttributeDefinition.STRING), " kept as typed "))
                .isEqualTo(" kept as typed ");
        assertThat(ValueConversion.convert(Ad.of(AttributeDefinition.PASSWORD), "s3cret")).isEqualTo("s3cret");
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        assertThatThrownBy(() -> ValueConversion.convert(Ad.of(AttributeDefinition.INTEGER), "80a"))
                .hasMessage("'80a' is not an int");
        assertThatThrownBy(() -> ValueConversion.convert(Ad.of(AttributeDefinition.INTEGER), "99999999999"))
                .hasMessage("'99999999999' is not an int");
        assertThatThrownBy(() -> ValueConversion.convert(Ad.of(AttributeDefinition.LONG), ""))
                .hasMessage("'' is not a long");
        assertThatThrownBy(() -> ValueConversion.convert(Ad.of(AttributeDefinition.BOOLEAN), "yes"))
                .hasMessageContaining("not a boolean");
        assertThatThrownBy(() -> ValueConversion.convert(Ad.of(AttributeDefinition.DOUBLE), "NaN"))
                .hasMessage("'NaN' is not a double");
        assertThatThrownBy(() -> ValueConversion.convert(Ad.of(AttributeDefinition.CHARACTER), "xy"))
                .hasMessageContaining("not one character");
    }

    @Test
    void optionsAndBoundsAreMetatypesOwnCheck() {
        Ad auth = new Ad("tlsClientAuth", AttributeDefinition.STRING, 0, new String[] { "none", "want", "need" },
                null);
        assertThat(ValueConversion.convert(auth, "want")).isEqualTo("want");
        assertThatThrownBy(() -> ValueConversion.convert(auth, "maybe")).hasMessageContaining("not one of");
        Ad port = new Ad("port", AttributeDefinition.INTEGER, 0, null, 65535L);
        assertThatThrownBy(() -> ValueConversion.convert(port, "70000")).hasMessageContaining("more than 65535");
    }

    @Test
    void listsSplitAtUnescapedCommas() {
        Ad array = new Ad("k", AttributeDefinition.INTEGER, 5, null, null);
        assertThat((Integer[]) ValueConversion.convert(array, "1, 2,3")).containsExactly(1, 2, 3);
        Ad list = new Ad("k", AttributeDefinition.STRING, -10, null, null);
        assertThat(ValueConversion.convert(list, "a\\,b, c")).isEqualTo(List.of("a,b", "c"));
        assertThat(ValueConversion.convert(list, "")).isEqualTo(List.of());
        assertThatThrownBy(() -> ValueConversion.convert(new Ad("k", AttributeDefinition.INTEGER, 2, null, null),
                "1,2,3")).hasMessage("3 values, at most 2");
        assertThatThrownBy(() -> ValueConversion.convert(array, "1,x")).hasMessage("'x' is not an int");
    }
}
