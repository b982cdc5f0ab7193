package org.picogate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.picogate.config.ConfigAttribute.Blanks.KEEP;
import static org.picogate.config.ConfigAttribute.Blanks.TRIM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.picogate.config.ConfigAttribute.Blanks;

/**
 * Text typed for a Metatype attribute to its value, as a console form ({@link Blanks#TRIM}) and
 * {@code picogate:config} ({@link Blanks#KEEP}) read it: conversions, lists, and each way a text can be wrong.
 */
class ConfigAttributeTest {

    /** No check of its own, as a definition without min, max or options. */
    static final Function<String, String> NONE = text -> null;

    static ConfigAttribute of(ValueType type) {
        return new ConfigAttribute(type, 0, List.of(), NONE);
    }

    static ConfigAttribute list(ValueType type, int cardinality) {
        return new ConfigAttribute(type, cardinality, List.of(), NONE);
    }

    /** With an inclusive min and max checked as Felix Metatype checks them, and its messages. */
    static ConfigAttribute bounded(ValueType type, int cardinality, long min, long max) {
        return new ConfigAttribute(type, cardinality, List.of(), text -> {
            long v = Long.parseLong(text.strip());
            return v < min ? "Value is less than minimum: " + min : v > max ? "Value is greater than maximum: " + max
                    : "";
        });
    }

    static ConfigAttribute options(ValueType type, String... options) {
        return new ConfigAttribute(type, 0, List.of(options), NONE);
    }

    @ParameterizedTest
    @EnumSource(Blanks.class)
    void scalarsTakeTheTypeConfigAdminHoldsForThem(Blanks blanks) {
        assertThat(of(ValueType.INTEGER).parse(" 8080 ", blanks)).isEqualTo(8080);
        assertThat(of(ValueType.LONG).parse("1048576", blanks)).isEqualTo(1048576L);
        assertThat(of(ValueType.SHORT).parse("-7", blanks)).isEqualTo((short) -7);
        assertThat(of(ValueType.BYTE).parse("127", blanks)).isEqualTo((byte) 127);
        assertThat(of(ValueType.BOOLEAN).parse("TRUE", blanks)).isEqualTo(true);
        assertThat(of(ValueType.BOOLEAN).parse("false", blanks)).isEqualTo(false);
        assertThat(of(ValueType.DOUBLE).parse("0.5", blanks)).isEqualTo(0.5);
        assertThat(of(ValueType.FLOAT).parse("0.25", blanks)).isEqualTo(0.25f);
        assertThat(of(ValueType.CHARACTER).parse(" x ", blanks)).isEqualTo('x');
        assertThat(of(ValueType.PASSWORD).parse("s3cret", blanks)).isEqualTo("s3cret");
    }

    @Test
    void aFormTrimsAStringACommandKeepsItAsTyped() {
        assertThat(of(ValueType.STRING).parse(" text ", TRIM)).isEqualTo("text");
        assertThat(of(ValueType.STRING).parse(" kept as typed ", KEEP)).isEqualTo(" kept as typed ");
        assertThat(of(ValueType.PASSWORD).parse(" pass phrase ", KEEP)).isEqualTo(" pass phrase ");
        // a string with options is one of them, whatever blanks were typed around it
        assertThat(options(ValueType.STRING, "none", "want").parse(" want ", KEEP)).isEqualTo("want");
    }

    @ParameterizedTest
    @EnumSource(Blanks.class)
    void wrongTypesSayWhatWasExpected(Blanks blanks) {
        assertThatThrownBy(() -> of(ValueType.INTEGER).parse("80a", blanks)).hasMessage("'80a' is not an int");
        assertThatThrownBy(() -> of(ValueType.INTEGER).parse("80 80", blanks)).hasMessage("'80 80' is not an int");
        assertThatThrownBy(() -> of(ValueType.INTEGER).parse("99999999999", blanks))
                .hasMessage("'99999999999' is not an int");
        assertThatThrownBy(() -> of(ValueType.LONG).parse("", blanks)).hasMessage("'' is not a long");
        assertThatThrownBy(() -> of(ValueType.SHORT).parse("40000", blanks)).hasMessage("'40000' is not a short");
        assertThatThrownBy(() -> of(ValueType.BYTE).parse("128", blanks)).hasMessage("'128' is not a byte");
        assertThatThrownBy(() -> of(ValueType.DOUBLE).parse("half", blanks)).hasMessage("'half' is not a double");
        assertThatThrownBy(() -> of(ValueType.BOOLEAN).parse("yes", blanks))
                .hasMessage("'yes' is not a boolean (true or false)");
        assertThatThrownBy(() -> of(ValueType.CHARACTER).parse("xy", blanks)).hasMessage("'xy' is not one character");
        assertThatThrownBy(() -> of(ValueType.CHARACTER).parse(" ", blanks)).hasMessage("'' is not one character");
    }

    /** Regression: a console form stored NaN and the infinities (picogate:config refused them). */
    @ParameterizedTest
    @EnumSource(Blanks.class)
    void numbersMustBeFinite(Blanks blanks) {
        assertThatThrownBy(() -> of(ValueType.DOUBLE).parse("NaN", blanks)).hasMessage("'NaN' is not a double");
        assertThatThrownBy(() -> of(ValueType.DOUBLE).parse("Infinity", blanks))
                .hasMessage("'Infinity' is not a double");
        assertThatThrownBy(() -> of(ValueType.DOUBLE).parse("1e400", blanks)).hasMessage("'1e400' is not a double");
        assertThatThrownBy(() -> of(ValueType.FLOAT).parse("-Infinity", blanks))
                .hasMessage("'-Infinity' is not a float");
        assertThatThrownBy(() -> of(ValueType.FLOAT).parse("1e39", blanks)).hasMessage("'1e39' is not a float");
        assertThatThrownBy(() -> list(ValueType.DOUBLE, 3).parse("1, NaN", blanks))
                .hasMessage("'NaN' is not a double");
    }

    @ParameterizedTest
    @EnumSource(Blanks.class)
    void theDefinitionsOwnValidationAndOptionsApply(Blanks blanks) {
        ConfigAttribute port = bounded(ValueType.INTEGER, 0, 0, 65535);
        assertThat(port.parse("65535", blanks)).isEqualTo(65535);
        assertThatThrownBy(() -> port.parse("65536", blanks))
                .hasMessage("'65536': Value is greater than maximum: 65535");
        assertThatThrownBy(() -> port.parse(" -1", blanks)).hasMessage("'-1': Value is less than minimum: 0");
        ConfigAttribute auth = options(ValueType.STRING, "none", "want", "need");
        assertThat(auth.parse("want", blanks)).isEqualTo("want");
        assertThatThrownBy(() -> auth.parse("maybe", blanks)).hasMessage("'maybe' is not one of none, want, need");
        ConfigAttribute levels = new ConfigAttribute(ValueType.INTEGER, 5, List.of("1", "2"), NONE);
        assertThatThrownBy(() -> levels.parse("1, 3", blanks)).hasMessage("'3' is not one of 1, 2");
        // "" is fine, and null says no check was possible: both accept
        assertThat(new ConfigAttribute(ValueType.STRING, 0, List.of(), text -> "").parse("x", blanks)).isEqualTo("x");
    }

    @ParameterizedTest
    @EnumSource(Blanks.class)
    void aPasswordIsNeverInAMessage(Blanks blanks) {
        ConfigAttribute tooShort = new ConfigAttribute(ValueType.PASSWORD, 0, List.of(),
                text -> text.length() < 12 ? "Value is shorter than 12 characters" : "");
        assertThatThrownBy(() -> tooShort.parse("hunter2", blanks)).hasMessage("Value is shorter than 12 characters");
        ConfigAttribute picked = options(ValueType.PASSWORD, "alpha", "beta");
        assertThatThrownBy(() -> picked.parse("hunter2", blanks)).hasMessage("not one of alpha, beta");
        ConfigAttribute listed = new ConfigAttribute(ValueType.PASSWORD, 5, List.of(),
                text -> text.startsWith("hunter") ? "Value is too guessable" : "");
        assertThatThrownBy(() -> listed.parse("good-one, hunter2", blanks)).hasMessage("Value is too guessable");
    }

    @ParameterizedTest
    @EnumSource(Blanks.class)
    void multipleValuesAreArraysOrListsWithinTheCardinality(Blanks blanks) {
        assertThat(list(ValueType.INTEGER, 3).parse("1, 2,3", blanks)).isEqualTo(new Integer[] { 1, 2, 3 });
        assertThat(list(ValueType.STRING, -5).parse("a, b", blanks)).isEqualTo(List.of("a", "b"));
        assertThat(list(ValueType.BOOLEAN, Integer.MAX_VALUE).parse("true,FALSE", blanks))
                .isEqualTo(new Boolean[] { true, false });
        assertThat(list(ValueType.STRING, -10).parse("", blanks)).isEqualTo(List.of());
        assertThat(list(ValueType.LONG, 10).parse("", blanks)).isEqualTo(new Long[0]);
        assertThatThrownBy(() -> list(ValueType.INTEGER, 2).parse("1,2,3", blanks))
                .hasMessage("3 values, at most 2");
        assertThatThrownBy(() -> list(ValueType.STRING, -2).parse("a,b,c", blanks))
                .hasMessage("3 values, at most 2");
        assertThatThrownBy(() -> list(ValueType.INTEGER, 5).parse("1,x", blanks)).hasMessage("'x' is not an int");
        assertThatThrownBy(() -> bounded(ValueType.INTEGER, 5, 0, 10).parse("5, 11", blanks))
                .hasMessage("'11': Value is greater than maximum: 10");
    }

    /** Regression: Integer.MIN_VALUE, Metatype's list of any length, took every list for too long. */
    @ParameterizedTest
    @EnumSource(Blanks.class)
    void aListOfAnyLengthTakesAnyNumberOfItems(Blanks blanks) {
        assertThat(list(ValueType.STRING, Integer.MIN_VALUE).parse("a,b,c", blanks))
                .isEqualTo(List.of("a", "b", "c"));
        assertThat(list(ValueType.INTEGER, Integer.MAX_VALUE).parse("1,2,3", blanks))
                .isEqualTo(new Integer[] { 1, 2, 3 });
    }

    @Test
    void aFormDropsBlankItemsACommandKeepsEmptyOnes() {
        assertThat(list(ValueType.INTEGER, 5).parse("1, ,2,", TRIM)).isEqualTo(new Integer[] { 1, 2 });
        assertThat(list(ValueType.STRING, -5).parse(" , ", TRIM)).isEqualTo(List.of());
        assertThatThrownBy(() -> list(ValueType.INTEGER, 5).parse("1,,2", KEEP)).hasMessage("'' is not an int");
        assertThat(list(ValueType.STRING, -5).parse("a,,b", KEEP)).isEqualTo(List.of("a", "", "b"));
        assertThat(list(ValueType.STRING, -5).parse("a,", KEEP)).isEqualTo(List.of("a", ""));
        // the number of items is counted as each reads them
        assertThat(list(ValueType.STRING, 2).parse("a,,b", TRIM)).isEqualTo(new String[] { "a", "b" });
        assertThatThrownBy(() -> list(ValueType.STRING, 2).parse("a,,b", KEEP)).hasMessage("3 values, at most 2");
    }

    @ParameterizedTest
    @EnumSource(Blanks.class)
    void itemsSplitAtUnescapedCommas(Blanks blanks) {
        ConfigAttribute strings = list(ValueType.STRING, -10);
        assertThat(strings.parse("a\\,b, c", blanks)).isEqualTo(List.of("a,b", "c"));
        assertThat(strings.parse("C:\\data, x\\\\,y", blanks)).isEqualTo(List.of("C:\\data", "x\\", "y"));
        assertThatThrownBy(() -> list(ValueType.INTEGER, 3).parse("1\\,2", blanks))
                .hasMessage("'1,2' is not an int");
    }

    @Test
    void validateSeesAListItemInListSyntax() {
        List<String> seen = new ArrayList<>();
        ConfigAttribute strings = new ConfigAttribute(ValueType.STRING, -10, List.of(), text -> {
            seen.add(text);
            return "";
        });
        strings.parse("a\\,b, c", KEEP);
        new ConfigAttribute(ValueType.STRING, 0, List.of(), text -> {
            seen.add(text);
            return "";
        }).parse("a,b", KEEP);
        assertThat(seen).containsExactly("a\\,b", "c", "a,b");
    }

    @Test
    void formattedValuesReadBackAsTheSameItems() {
        assertThat(ValueText.format(new Integer[] { 1, 2 }, ", ")).isEqualTo("1, 2");
        assertThat(ValueText.format(List.of("a", "b"), ", ")).isEqualTo("a, b");
        assertThat(ValueText.format(List.of("a", "b"), ",")).isEqualTo("a,b");
        assertThat(ValueText.format(new int[] { 3, 4 }, ",")).isEqualTo("3,4");
        assertThat(ValueText.format(null, ", ")).isEmpty();
        assertThat(ValueText.format("one, value", ", ")).isEqualTo("one, value"); // a scalar is not a list
        assertThat(ValueText.format(8080, ", ")).isEqualTo("8080");

        List<String> awkward = List.of("a,b", "C:\\data", "end\\", "\\,", "two\\\\", "");
        String text = ValueText.format(awkward, ", ");
        assertThat(text).isEqualTo("a\\,b, C:\\data, end\\\\, \\\\\\,, two\\\\\\\\, ");
        assertThat(list(ValueType.STRING, -10).parse(text, KEEP)).isEqualTo(awkward);
        assertThat(list(ValueType.STRING, -10).parse(ValueText.format(awkward, ","), KEEP)).isEqualTo(awkward);
        assertThat(list(ValueType.STRING, -10).parse(text, TRIM)).isEqualTo(awkward.subList(0, 5));
    }

    @Test
    void metatypesTypeCodesAndTheirNames() {
        assertThat(Arrays.stream(ValueType.values()).mapToInt(ValueType::metatypeCode))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 11, 12);
        for (ValueType type : ValueType.values()) {
            assertThat(ValueType.ofMetatype(type.metatypeCode())).contains(type);
        }
        assertThat(ValueType.ofMetatype(9)).isEmpty(); // BIGINTEGER
        assertThat(ValueType.ofMetatype(10)).isEmpty(); // BIGDECIMAL
        assertThat(ValueType.INTEGER.noun()).isEqualTo("an int");
        assertThat(ValueType.LONG.noun()).isEqualTo("a long");
        assertThat(ValueType.PASSWORD.label()).isEqualTo("password");
        assertThat(ValueType.INTEGER.javaType()).isEqualTo(Integer.class);

        ConfigAttribute fromMetatype = ConfigAttribute.of(3, 2, new String[] { "1", "2" }, text -> "");
        assertThat(fromMetatype).isEqualTo(new ConfigAttribute(ValueType.INTEGER, 2, List.of("1", "2"),
                fromMetatype.validate()));
        assertThat(ConfigAttribute.of(1, 0, null, NONE).options()).isEmpty();
        assertThatThrownBy(() -> ConfigAttribute.of(9, 0, null, NONE))
                .hasMessage("attribute type 9 is not supported");
    }
}
