package org.picogate.client;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One request, described step by step and then {@link #send() sent}. A builder is for one task; it may be sent
 * more than once unless its body is a stream.
 */
@ProviderType
public interface RequestBuilder {

    /** Adds a header field; {@code Host}, {@code Content-Length} and {@code Transfer-Encoding} are set by the client. */
    RequestBuilder header(String name, String value);

    /** Adds a query parameter, percent-encoded (UTF-8) and appended to the URL's query. */
    RequestBuilder query(String name, String value);

    /** A body of bytes with its {@code Content-Type}; sent with {@code Content-Length}. */
    RequestBuilder body(byte[] content, String contentType);

    /** A text body, encoded as UTF-8, {@code text/plain; charset=utf-8}. */
    RequestBuilder text(String text);

    /** {@code value} as JSON (jackson-jr: maps, lists, strings, numbers, beans), {@code application/json}. */
    RequestBuilder json(Object value) throws IOException;

    /** An HTML form, {@code application/x-www-form-urlencoded}, fields in iteration order. */
    RequestBuilder form(Map<String, String> fields);

    /** A {@code multipart/form-data} body (RFC 7578) built with {@link Multipart}. */
    RequestBuilder multipart(Multipart multipart);

    /**
     * A body read from {@code content} while it is sent, with chunked transfer coding; {@code content} is closed
     * at the end. A streamed body cannot be sent twice: such a request is never retried, and a 307/308 redirect
     * of it is returned instead of followed.
     */
    RequestBuilder body(InputStream content, String contentType);

    /**
     * Sends {@code Expect: 100-continue} and the body only once the server has answered 100 (Continue), so that
     * a server refusing the request (401, 413) does not have to read the body. A refused request's connection is
     * closed (the server may still expect the announced body). The server must answer the expectation (RFC 9110
     * 10.1.1): one that waits silently for the body ends in the read timeout.
     */
    RequestBuilder expectContinue(boolean expectContinue);

    /** The total deadline of this request instead of the session's {@link SessionOptions#totalTimeout()}. */
    RequestBuilder timeout(Duration total);

    /** Whether to follow redirects (default: yes, up to {@link SessionOptions#maxRedirects()}). */
    RequestBuilder followRedirects(boolean follow);

    /**
     * Sends the request, follows redirects, and returns once the response head has arrived; the body is read
     * from the response. Blocks the calling task; cancelling the task ends the request and closes its connection.
     *
     * @throws HttpClientException (a subclass says what failed) or another {@link IOException}, such as
     *         {@link java.net.ConnectException} or {@link java.net.UnknownHostException}
     * @throws IllegalArgumentException if the URL is not absolute {@code http} or {@code https} (after the base
     *         URL)
     */
    ClientResponse send() throws IOException;
}
