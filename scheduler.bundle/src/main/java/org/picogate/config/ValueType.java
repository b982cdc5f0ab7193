package org.picogate.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The type of a configuration attribute's value, as Metatype declares it ({@code AttributeDefinition.getType()}),
 * with the Java type Config Admin holds for it. Metatype's {@code BIGINTEGER} and {@code BIGDECIMAL}, deprecated
 * and not types Config Admin can hold, have none.
 */
public enum ValueType {
    STRING(1, "string", String.class),
    LONG(2, "long", Long.class),
    INTEGER(3, "int", Integer.class),
    SHORT(4, "short", Short.class),
    CHARACTER(5, "character", Character.class),
    BYTE(6, "byte", Byte.class),
    DOUBLE(7, "double", Double.class),
    FLOAT(8, "float", Float.class),
    BOOLEAN(11, "boolean", Boolean.class),
    /** A string never shown or echoed back, such as a key store's password. */
    PASSWORD(12, "password", String.class);

    // Metatype's codes, written out: this bundle does not import the Metatype API, so that every bundle can use
    // this package without it.
    private final int metatypeCode;
    private final String label;
    private final Class<?> javaType;

    ValueType(int metatypeCode, String label, Class<?> javaType) {
        this.metatypeCode = metatypeCode;
        this.label = label;
        this.javaType = javaType;
    }

    /** The type of Metatype's code {@code code} ({@code AttributeDefinition.INTEGER} and so on), if it has one. */
    public static Optional<ValueType> ofMetatype(int code) {
        for (ValueType type : values()) {
            if (type.metatypeCode == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Metatype's code for this type, as {@code AttributeDefinition.getType()} gives it. */
    public int metatypeCode() {
        return metatypeCode;
    }

    /** The type as people say it: {@code int}, {@code long}, {@code string}, ... */
    public String label() {
        return label;
    }

    /** The label with its article: {@code an int}, {@code a long}, ... */
    public String noun() {
        return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    /** The class of a value Config Admin holds for this type, and of an array's elements: {@code Integer}, ... */
    public Class<?> javaType() {
        return javaType;
    }

    /** Whether a value is text as typed: {@link #STRING} and {@link #PASSWORD}. */
    public boolean isText() {
        return javaType == String.class;
    }

    /**
     * The value {@code text} stands for; numbers must be finite, a boolean is {@code true} or {@code false} in any
     * case, a character is one character. Text is not trimmed here.
     *
     * @throws IllegalArgumentException {@code 'text' is not an int} and the like; never for a text type, so a
     *         password is never in the message
     */
    Object parse(String text) {
        try {
            return switch (this) {
                case STRING, PASSWORD -> text;
                case LONG -> Long.valueOf(text);
                case INTEGER -> Integer.valueOf(text);
                case SHORT -> Short.valueOf(text);
                case BYTE -> Byte.valueOf(text);
                case DOUBLE -> finite(Double.valueOf(text));
                case FLOAT -> finite(Float.valueOf(text));
                case CHARACTER -> {
                    if (text.length() != 1) {
                        throw new IllegalArgumentException("'" + text + "' is not one character");
                    }
                    yield text.charAt(0);
                }
                case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("'" + text + "' is not a boolean (true or false)");
                };
            };
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("'" + text + "' is not " + noun());
        }
    }

    /** NaN and the infinities parse, but no setting means them: a timeout of "Infinity" is a slip. */
    private static <N extends Number> N finite(N n) {
        if (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
            throw new NumberFormatException("not finite");
        }
        return n;
    }
}
