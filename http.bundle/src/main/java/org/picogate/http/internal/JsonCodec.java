package org.picogate.http.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.picogate.http.HttpException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;

/**
 * JSON in and out through jackson-jr (small, no annotations needed, reads records, beans and plain collections).
 * One shared {@link JSON}: it is immutable and caches what it learns about each class. Scalars bind strictly
 * ({@link StrictScalars}): a value of the wrong kind is a 400, never a silent 0 or false. Unknown properties are
 * still ignored, so a client may send more than a handler reads.
 *
 * <p>That cache holds the classes of the apps whose values went through it, and so their class loaders: a hot-swapped
 * app bundle would leave every old revision behind (a soak with a swap a minute kept all 20 of them). So the codec is
 * replaced by a fresh one whenever a bundle is updated or goes away ({@link JsonCodecReset}); the next use of each
 * class learns it again, once.
 */
final class JsonCodec {
    private static volatile JSON codec = newCodec();

    private JsonCodec() {
    }

    private static JSON newCodec() {
        return JSON.builder().register(new JacksonJrExtension() {
            @Override
            protected void register(ExtensionContext context) {
                context.insertProvider(StrictScalars.INSTANCE);
            }
        }).build();
    }

    /** Drops what the codec learnt about classes: they may belong to a bundle revision that is gone. */
    static void forgetClasses() {
        codec = newCodec();
    }

    /**
     * Reads {@code body} as {@code type}.
     *
     * @throws HttpException 400 for malformed JSON or JSON that does not fit the type (an object for a list, a
     *         string for an int, a fraction for an integer, a number out of range, null for a primitive): the
     *         reason is the parser's first message line and where (line, column), never a stack trace
     */
    static <T> T read(byte[] body, Class<T> type) {
        if (type == Map.class || type == List.class || type == Collection.class) {
            // jackson-jr cannot bind a raw container class (it looks for type parameters a Class has not got and
            // fails with an IndexOutOfBoundsException): the tree is the same thing, once its shape is checked
            Object tree = read(body);
            if (!type.isInstance(tree)) {
                throw new HttpException(400, "bad JSON: expected " + (type == Map.class ? "an object" : "an array")
                        + ", got " + (tree == null ? "null" : tree instanceof Map ? "an object"
                                : tree instanceof List ? "an array" : "a " + tree.getClass().getSimpleName()));
            }
            return type.cast(tree);
        }
        try {
            return codec.beanFrom(type, body);
        } catch (JsonProcessingException e) {
            throw new HttpException(400, reason(e));
        } catch (IOException e) {
            throw new HttpException(400, "malformed JSON");
        }
    }

    /** Reads {@code body} as a tree of maps, lists, strings, numbers, booleans and nulls. */
    static Object read(byte[] body) {
        try {
            return codec.anyFrom(body);
        } catch (JsonProcessingException e) {
            throw new HttpException(400, reason(e));
        } catch (IOException e) {
            throw new HttpException(400, "malformed JSON");
        }
    }

    /** {@code value} as JSON bytes (UTF-8). */
    static byte[] write(Object value) throws IOException {
        return codec.asBytes(value);
    }

    /** "bad JSON: <first line of the message> at line L, column C". */
    static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            message = "cannot be read";
        }
        int eol = message.indexOf('\n');
        if (eol >= 0) {
            message = message.substring(0, eol);
        }
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        JsonLocation where = e.getLocation();
        String at = where == null || where.getLineNr() < 0 ? ""
                : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return "bad JSON: " + message + at;
    }
}
