package org.picogate.http.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;

/**
 * jackson-jr readers for the scalar types that take only the JSON value of their kind. jackson-jr's own readers
 * coerce whatever comes: {@code "many"} into an {@code int} gives 0, {@code "yes"} into a {@code boolean} false,
 * {@code 2.7} into an {@code int} 2, {@code 5} into a {@code String} "5". A handler would then act on a value the
 * client never sent, so here a value of the wrong kind, a fraction for an integer, a number out of the type's
 * range and {@code null} for a primitive fail the read (a 400 with the property and what came instead).
 *
 * <p>jackson-jr asks a {@link ReaderWriterProvider} before its own simple types, so these replace its readers for
 * record components, bean properties and the values of typed collections and maps alike.
 */
final class StrictScalars extends ReaderWriterProvider {
    static final StrictScalars INSTANCE = new StrictScalars();

    private StrictScalars() {
    }

    @Override
    public ValueReader findValueReader(JSONReader context, Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return new Integral(type, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == long.class || type == Long.class) {
            return new Integral(type, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == short.class || type == Short.class) {
            return new Integral(type, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (type == byte.class || type == Byte.class) {
            return new Integral(type, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return new Floating(type);
        }
        if (type == BigInteger.class || type == BigDecimal.class) {
            return new Big(type);
        }
        if (type == boolean.class || type == Boolean.class) {
            return new Bool(type);
        }
        if (type == String.class || type == CharSequence.class) {
            return new Text(type);
        }
        if (type == char.class || type == Character.class) {
            return new OneChar(type);
        }
        return null; // jackson-jr's own reader
    }

    /** The reader of one type: {@code null} handling and the failure message are shared. */
    private abstract static class Strict extends ValueReader {
        private final String expected;

        Strict(Class<?> type, String expected) {
            super(type);
            this.expected = expected;
        }

        @Override
        public final Object read(JSONReader reader, JsonParser p) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                if (_valueType.isPrimitive()) {
                    throw mismatch(p, "null");
                }
                return null;
            }
            return value(p);
        }

        /** The value at the parser's current token, which is not {@code null}. */
        abstract Object value(JsonParser p) throws IOException;

        /** "{@code "stars": expected an integer (int), got the string "many"}". */
        final JSONObjectException mismatch(JsonParser p, String got) throws IOException {
            String name = p.currentName();
            return JSONObjectException.from(p, (name == null ? "" : "\"" + name + "\": ") + "expected " + expected
                    + " (" + _valueType.getSimpleName() + "), got " + got);
        }

        final JSONObjectException mismatch(JsonParser p) throws IOException {
            return mismatch(p, describe(p));
        }

        static String describe(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            return switch (t) {
                case VALUE_STRING -> "the string \"" + cut(p.getText()) + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + cut(p.getText());
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                default -> String.valueOf(t);
            };
        }

        /** The value as sent, cut at 40 characters: the reason goes back to the client in one short line. */
        private static String cut(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
    }

    /** Integers within {@code [min, max]}: an integral JSON number only, not {@code 2.0} nor {@code "2"}. */
    private static final class Integral extends Strict {
        private final long min;
        private final long max;

        Integral(Class<?> type, long min, long max) {
            super(type, "an integer");
            this.min = min;
            this.max = max;
        }

        @Override
        Object value(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw mismatch(p);
            }
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw mismatch(p, describe(p) + ", out of range");
            }
            long v = p.getLongValue();
            if (v < min || v > max) {
                throw mismatch(p, describe(p) + ", out of range");
            }
            Class<?> t = _valueType;
            if (t == int.class || t == Integer.class) {
                return (int) v;
            }
            if (t == short.class || t == Short.class) {
                return (short) v;
            }
            if (t == byte.class || t == Byte.class) {
                return (byte) v;
            }
            return v;
        }
    }

    /** {@code double} and {@code float}: any JSON number that stays finite in the type. */
    private static final class Floating extends Strict {
        Floating(Class<?> type) {
            super(type, "a number");
        }

        @Override
        Object value(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw mismatch(p);
            }
            double v = p.getDoubleValue();
            boolean single = _valueType == float.class || _valueType == Float.class;
            if (Double.isInfinite(single ? (float) v : v)) {
                throw mismatch(p, describe(p) + ", out of range");
            }
            return single ? (Object) (float) v : (Object) v;
        }
    }

    /** {@code BigInteger} (integral numbers) and {@code BigDecimal} (any number), exact. */
    private static final class Big extends Strict {
        Big(Class<?> type) {
            super(type, type == BigInteger.class ? "an integer" : "a number");
        }

        @Override
        Object value(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            if (_valueType == BigInteger.class) {
                if (t != JsonToken.VALUE_NUMBER_INT) {
                    throw mismatch(p);
                }
                return p.getBigIntegerValue();
            }
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw mismatch(p);
            }
            return p.getDecimalValue();
        }
    }

    /** {@code true} or {@code false}, not {@code "true"}, 1 or "yes". */
    private static final class Bool extends Strict {
        Bool(Class<?> type) {
            super(type, "true or false");
        }

        @Override
        Object value(JsonParser p) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> throw mismatch(p);
            };
        }
    }

    /** A JSON string, not a number, boolean, object or array written out as text. */
    private static final class Text extends Strict {
        Text(Class<?> type) {
            super(type, "a string");
        }

        @Override
        Object value(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw mismatch(p);
            }
            return p.getText();
        }
    }

    /** A string of exactly one UTF-16 unit. */
    private static final class OneChar extends Strict {
        OneChar(Class<?> type) {
            super(type, "a string of one character");
        }

        @Override
        Object value(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING || p.getTextLength() != 1) {
                throw mismatch(p);
            }
            return p.getText().charAt(0);
        }
    }
}
