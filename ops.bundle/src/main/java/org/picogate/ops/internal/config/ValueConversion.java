package org.picogate.ops.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.metatype.AttributeDefinition;

/**
 * Turns the text typed after {@code key=} into the value Config Admin should hold for a Metatype attribute: its
 * type ({@code Integer} for INTEGER, and so on; a PASSWORD is a {@code String}), an array for a cardinality above
 * zero and a {@code List} below (values separated by commas, {@code \,} for a comma in a value), checked against
 * the attribute's options and bounds ({@link AttributeDefinition#validate}).
 */
final class ValueConversion {
    private ValueConversion() {
    }

    /**
     * @throws IllegalArgumentException saying why the text is not a value of the attribute (without PID or key: the
     *         caller adds them)
     */
    static Object convert(AttributeDefinition ad, String text) {
        int cardinality = ad.getCardinality();
        if (cardinality == 0) {
            Object value = scalar(ad.getType(), text.strip(), ad.getType() == AttributeDefinition.PASSWORD
                    || ad.getType() == AttributeDefinition.STRING ? text : null);
            validate(ad, text);
            return value;
        }
        List<String> parts = split(text);
        if (Math.abs(cardinality) != Integer.MAX_VALUE && parts.size() > Math.abs(cardinality)) {
            throw new IllegalArgumentException(parts.size() + " values, at most " + Math.abs(cardinality));
        }
        List<Object> values = new ArrayList<>();
        for (String part : parts) {
            values.add(scalar(ad.getType(), part.strip(), null)); // list items are trimmed: "a, b"
            validate(ad, part);
        }
        return cardinality < 0 ? values : toArray(ad.getType(), values);
    }

    /** The value of one item; {@code raw} is the text as typed for strings (kept as is), else null. */
    private static Object scalar(int type, String text, String raw) {
        try {
            return switch (type) {
                case AttributeDefinition.STRING, AttributeDefinition.PASSWORD -> raw == null ? text : raw;
                case AttributeDefinition.LONG -> Long.valueOf(text);
                case AttributeDefinition.INTEGER -> Integer.valueOf(text);
                case AttributeDefinition.SHORT -> Short.valueOf(text);
                case AttributeDefinition.BYTE -> Byte.valueOf(text);
                case AttributeDefinition.DOUBLE -> finite(Double.valueOf(text));
                case AttributeDefinition.FLOAT -> finite(Float.valueOf(text));
                case AttributeDefinition.CHARACTER -> {
                    if (text.length() != 1) {
                        throw new IllegalArgumentException("'" + text + "' is not one character");
                    }
                    yield text.charAt(0);
                }
                case AttributeDefinition.BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("'" + text + "' is not a boolean (true or false)");
                };
                default -> throw new IllegalArgumentException("attribute type " + type + " is not supported");
            };
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("'" + text + "' is not " + typeName(type));
        }
    }

    private static <N extends Number> N finite(N n) {
        if (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
            throw new NumberFormatException("not finite");
        }
        return n;
    }

    /** Metatype's own check of options and min/max: {@code ""} is fine, {@code null} means none was possible. */
    private static void validate(AttributeDefinition ad, String text) {
        String problem = ad.validate(ad.getType() == AttributeDefinition.STRING
                || ad.getType() == AttributeDefinition.PASSWORD ? text : text.strip());
        if (problem != null && !problem.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "': " + problem);
        }
    }

    /** Splits at commas not escaped by a backslash; {@code \,} stands for a comma, {@code \\} for a backslash. */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == ',' || text.charAt(i + 1) == '\\')) {
                part.append(text.charAt(++i));
            } else if (c == ',') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        if (parts.size() == 1 && parts.get(0).isEmpty()) {
            return List.of(); // key= sets an empty list
        }
        return parts;
    }

    private static Object toArray(int type, List<Object> values) {
        Object array = java.lang.reflect.Array.newInstance(javaType(type), values.size());
        for (int i = 0; i < values.size(); i++) {
            java.lang.reflect.Array.set(array, i, values.get(i));
        }
        return array;
    }

    private static Class<?> javaType(int type) {
        return switch (type) {
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            case AttributeDefinition.CHARACTER -> Character.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            default -> String.class;
        };
    }

    /** The type as people say it: "an int", "a long", "a boolean", ... */
    static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.LONG -> "a long";
            case AttributeDefinition.INTEGER -> "an int";
            case AttributeDefinition.SHORT -> "a short";
            case AttributeDefinition.BYTE -> "a byte";
            case AttributeDefinition.DOUBLE -> "a double";
            case AttributeDefinition.FLOAT -> "a float";
            case AttributeDefinition.CHARACTER -> "a character";
            case AttributeDefinition.BOOLEAN -> "a boolean";
            case AttributeDefinition.PASSWORD -> "a password";
            default -> "a string";
        };
    }
}
