package org.picogate.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** One parsed HTTP request. The head is read and checked before the handler runs; the body is read on demand. */
@ProviderType
public interface Request {

    /** The method, case-sensitive as sent ({@code GET}, {@code POST}, ...). */
    String method();

    /** The request target as sent: origin form ({@code /a/b?x=1}), or {@code *} for {@code OPTIONS *}. */
    String target();

    /** The target's path, percent-decoded (UTF-8); {@code *} for the asterisk form. */
    String path();

    /** The target's query without the {@code ?}, not decoded; {@code null} when there is none. */
    String rawQuery();

    /**
     * A parameter of the route that matched: a path parameter ({@code /notes/{id}} gives {@code param("id")}),
     * or a named or numbered ({@code "1"}) group of a regex route; {@code null} when the route has none by that
     * name. The value is percent-decoded, as {@link #path()} is.
     */
    String param(String name);

    /** {@code HTTP/1.1} or {@code HTTP/1.0}. */
    String version();

    Headers headers();

    /** Shorthand for {@code headers().first(name)}. */
    default String header(String name) {
        return headers().first(name);
    }

    /**
     * The whole body, at most the configured {@code maxBody} bytes.
     *
     * @throws HttpException 413 if it is longer
     */
    byte[] body() throws IOException;

    /**
     * The body as a stream (de-chunked), ending where the body ends; for bodies read piece by piece. Reading
     * past {@code maxBody} bytes throws {@link HttpException} 413.
     */
    InputStream bodyStream();

    SocketAddress remoteAddress();

    // ---- helpers: query, form, JSON, cookies ----

    /**
     * The first value of the query parameter {@code name}, or {@code null}. The query is parsed as Python's
     * {@code urllib.parse.parse_qs} does with its defaults: parameters separated by {@code &} only, {@code +} is
     * a space, percent-escapes are decoded as UTF-8, and a parameter with an empty value ({@code a=} or a bare
     * {@code a}) is dropped ({@code keep_blank_values=False}).
     *
     * @throws HttpException 400 for a bad percent-escape or bytes that are not UTF-8, or more than 1000 parameters
     */
    String query(String name);

    /** Every value of the query parameter {@code name}, in the order sent; empty if none. As {@link #query}. */
    List<String> queryAll(String name);

    /** Every query parameter, by name in the order first sent, each with its values. Unmodifiable. */
    Map<String, List<String>> queryMap();

    /**
     * The submitted form: {@code application/x-www-form-urlencoded} (the query's rules) or
     * {@code multipart/form-data} (RFC 7578; files above 64 KiB go to a temporary file, deleted when the request
     * ends). Reads the body at the first call.
     *
     * @throws HttpException 415 for another content type; 400 for a malformed form; 413 when it is over the body
     *         limit or a form limit (parameters, parts, part size, part headers)
     */
    Form form() throws IOException;

    /**
     * The JSON body bound to {@code type} by jackson-jr (a bean with setters or public fields, a record, a
     * {@code Map}, a {@code List}, {@code String}...).
     *
     * @throws HttpException 415 unless the content type is {@code application/json} (or {@code +json}); 400 for
     *         malformed JSON or JSON that does not fit the type (the reason says where); 413 over the body limit
     */
    <T> T json(Class<T> type) throws IOException;

    /**
     * The JSON body as a tree: {@code Map<String, Object>}, {@code List<Object>}, {@code String}, a number, a
     * boolean or {@code null}. As {@link #json(Class)}.
     */
    Object json() throws IOException;

    /** The value of the cookie {@code name} the client sent (the first if it sent several), or {@code null}. */
    String cookie(String name);

    /** Every cookie the client sent, by name (the first value of each), in the order sent. Unmodifiable. */
    Map<String, String> cookies();
}
