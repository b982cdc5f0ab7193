package org.picogate.http.internal;

import org.picogate.http.Headers;

/**
 * A request line and header section, parsed and checked (RFC 9112), before any body byte is read.
 *
 * @param method as sent (a token)
 * @param target as sent (origin form, or {@code *})
 * @param path the target's path, percent-decoded as UTF-8; {@code *} for the asterisk form
 * @param rawQuery the target's query without {@code ?}, not decoded; {@code null} if none
 * @param minorVersion 1 for HTTP/1.1, 0 for HTTP/1.0
 * @param headers the header fields
 * @param framing how the body is delimited
 * @param keepAlive whether the client wants the connection kept after this request (1.1 default, 1.0 only with
 *        {@code Connection: keep-alive}; {@code Connection: close} ends it)
 * @param expectContinue {@code Expect: 100-continue} was sent
 */
public record RequestHead(String method, String target, String path, String rawQuery, int minorVersion,
        Headers headers, BodyFraming framing, boolean keepAlive, boolean expectContinue) {

    public String version() {
        return minorVersion == 1 ? "HTTP/1.1" : "HTTP/1.0";
    }
}
