package org.picogate.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One attribute of a configuration as its Metatype definition ({@code AttributeDefinition}) describes it, turning
 * the text a person typed into the value Config Admin should hold: the web console's forms and the
 * {@code picogate:config} command both read values with it. Made from a definition by
 * {@code ConfigAttribute.of(ad.getType(), ad.getCardinality(), ad.getOptionValues(), ad::validate)}.
 *
 * <p>{@link #parse} converts to the attribute's type (an {@code Integer} for an int, and so on; numbers finite), into
 * an array for a positive cardinality and a {@code List} for a negative one (items in {@link ValueText}'s list
 * syntax), and checks the number of items, the options, and the definition's own {@code validate} (min and max,
 * or whatever else the Metatype implementation checks). A refusal is an {@link IllegalArgumentException} whose
 * message says why in one line, quoting the text ({@code 'x' is not an int}), without PID or key (the caller knows
 * them), and never quoting a {@link ValueType#PASSWORD password}.
 *
 * @param type the value type
 * @param cardinality Metatype's: {@code 0} one value; {@code n > 0} an array of at most {@code n}; {@code n < 0} a
 *        {@code List} of at most {@code -n}; {@link Integer#MAX_VALUE} an array and {@link Integer#MIN_VALUE} a
 *        {@code List} of any length
 * @param options the values allowed (Metatype's option values), empty if any value of the type is
 * @param validate Metatype's {@code validate}: for one value as text, {@code ""} if it is fine, {@code null} if no
 *        check was possible, else the problem
 */
public record ConfigAttribute(ValueType type, int cardinality, List<String> options,
        Function<String, String> validate) {

    /** What blanks in the text mean: slips in a form's field, or typed on purpose in a command's argument. */
    public enum Blanks {
        /**
         * A form's field: blanks around a value or an item are dropped, and a blank item is none ({@code "a, ,b,"}
         * is two items).
         */
        TRIM,
        /**
         * A command's argument: a string or password is kept as typed, blanks included (but for one of its
         * options); list items are trimmed, but an empty one is an item ({@code "a,,b"} is three, the middle one
         * empty: for a number, an error).
         */
        KEEP
    }

    public ConfigAttribute {
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
        Objects.requireNonNull(validate, "validate");
    }

    /**
     * The attribute of a Metatype definition's type code, cardinality, option values ({@code null}: none) and
     * {@code validate}.
     *
     * @throws IllegalArgumentException for a type code without a {@link ValueType} ({@code BIGINTEGER},
     *         {@code BIGDECIMAL}): {@code attribute type 9 is not supported}
     */
    public static ConfigAttribute of(int metatypeType, int cardinality, String[] optionValues,
            Function<String, String> validate) {
        ValueType type = ValueType.ofMetatype(metatypeType).orElseThrow(() -> new IllegalArgumentException(
                "attribute type " + metatypeType + " is not supported"));
        return new ConfigAttribute(type, cardinality, optionValues == null ? List.of() : Arrays.asList(optionValues),
                validate);
    }

    /**
     * The value {@code text} stands for: one value, an array of {@link ValueType#javaType()} or a {@code List}, as
     * the cardinality says. An empty text is an empty list or array.
     *
     * @throws IllegalArgumentException saying why {@code text} is not a value of this attribute
     */
    public Object parse(String text, Blanks blanks) {
        if (cardinality == 0) {
            // a string with options is one of them: blanks typed around it are not kept
            boolean asTyped = blanks == Blanks.KEEP && type.isText() && options.isEmpty();
            return one(asTyped ? text : text.strip(), false);
        }
        List<String> items = new ArrayList<>();
        for (String item : ValueText.split(text)) {
            if (blanks == Blanks.KEEP || !item.isBlank()) {
                items.add(item.strip()); // "a, b": the blank after a comma is the list's, not the item's
            }
        }
        // Metatype's "no limit" is MAX_VALUE or MIN_VALUE, and -MIN_VALUE overflows
        int max = cardinality == Integer.MIN_VALUE ? Integer.MAX_VALUE : Math.abs(cardinality);
        if (items.size() > max) {
            throw new IllegalArgumentException(items.size() + " values, at most " + max);
        }
        List<Object> values = new ArrayList<>();
        for (String item : items) {
            values.add(one(item, true));
        }
        if (cardinality < 0) {
            return values;
        }
        Object array = Array.newInstance(type.javaType(), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    /** One value, or one item of a list, from its text (trimmed, but for a string kept as typed). */
    private Object one(String text, boolean item) {
        Object value = type.parse(text);
        if (!options.isEmpty() && !options.contains(text)) {
            throw new IllegalArgumentException(quoted(text) + "not one of " + String.join(", ", options));
        }
        // Metatype reads a multi-valued attribute's text as a list: an item goes to validate in list syntax
        String problem = validate.apply(item ? ValueText.escape(text) : text);
        if (problem != null && !problem.isEmpty()) {
            throw new IllegalArgumentException(type == ValueType.PASSWORD ? problem : "'" + text + "': " + problem);
        }
        return value;
    }

    /** {@code 'text' is } to begin a message; for a password, which is never echoed, nothing. */
    private String quoted(String text) {
        return type == ValueType.PASSWORD ? "" : "'" + text + "' is ";
    }
}
