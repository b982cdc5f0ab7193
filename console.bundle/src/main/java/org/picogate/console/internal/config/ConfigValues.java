package org.picogate.console.internal.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.osgi.service.metatype.AttributeDefinition;

/**
 * Turns what a form sent into the value Config Admin stores for an attribute, with the checks its Metatype
 * definition declares: the type, the options, the cardinality, and the definition's own {@code validate} (min and
 * max, and whatever the Metatype implementation checks). A refusal says why in words for the form.
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    /**
     * The typed value for {@code raw} (comma-separated for a multi-valued attribute).
     *
     * @throws IllegalArgumentException with the reason, for the form
     */
    public static Object parse(AttributeDefinition ad, String raw) {
        int cardinality = ad.getCardinality();
        if (cardinality == 0) {
            return one(ad, raw.strip());
        }
        List<Object> values = new ArrayList<>();
        for (String part : raw.split(",")) {
            if (!part.isBlank()) {
                values.add(one(ad, part.strip()));
            }
        }
        int max = Math.abs(cardinality);
        if (max != Integer.MAX_VALUE && values.size() > max) {
            throw new IllegalArgumentException("at most " + max + " values are allowed");
        }
        if (cardinality < 0) {
            return values;
        }
        Object array = Array.newInstance(javaType(ad.getType()), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    private static Object one(AttributeDefinition ad, String text) {
        Object value = convert(ad.getType(), text);
        String[] options = ad.getOptionValues();
        if (options != null && options.length > 0 && !Arrays.asList(options).contains(text)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", options));
        }
        String problem = ad.validate(text);
        if (problem != null && !problem.isEmpty()) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    static Object convert(int type, String text) {
        try {
            return switch (type) {
                case AttributeDefinition.INTEGER -> Integer.valueOf(text);
                case AttributeDefinition.LONG -> Long.valueOf(text);
                case AttributeDefinition.SHORT -> Short.valueOf(text);
                case AttributeDefinition.BYTE -> Byte.valueOf(text);
                case AttributeDefinition.DOUBLE -> Double.valueOf(text);
                case AttributeDefinition.FLOAT -> Float.valueOf(text);
                case AttributeDefinition.BOOLEAN -> bool(text);
                case AttributeDefinition.CHARACTER -> character(text);
                default -> text; // STRING, PASSWORD
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a" + (type == AttributeDefinition.INTEGER
                    || type == AttributeDefinition.LONG || type == AttributeDefinition.SHORT
                    || type == AttributeDefinition.BYTE ? " whole" : "") + " number: " + text);
        }
    }

    private static Boolean bool(String text) {
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException("not true or false: " + text);
    }

    private static Character character(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException("must be one character");
        }
        return text.charAt(0);
    }

    static Class<?> javaType(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            case AttributeDefinition.CHARACTER -> Character.class;
            default -> String.class;
        };
    }

    /** A stored value as the form shows it: arrays and collections comma-separated. */
    public static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                parts.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(", ", parts);
        }
        if (value instanceof Collection<?> values) {
            return String.join(", ", values.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
