package org.picogate.http.internal;

/** How a request's body is delimited (RFC 9112 6.3). */
public sealed interface BodyFraming {

    /** No body: neither {@code Content-Length} nor {@code Transfer-Encoding}. */
    record None() implements BodyFraming {
    }

    /** {@code Content-Length: length}. */
    record Length(long length) implements BodyFraming {
    }

    /** {@code Transfer-Encoding: chunked}. */
    record Chunked() implements BodyFraming {
    }

    BodyFraming NONE = new None();
    BodyFraming CHUNKED = new Chunked();
}
