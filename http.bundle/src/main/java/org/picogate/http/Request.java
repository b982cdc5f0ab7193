package org.picogate.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;

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
}
