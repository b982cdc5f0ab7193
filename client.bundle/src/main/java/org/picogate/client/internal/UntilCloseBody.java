package org.picogate.client.internal;

import java.io.IOException;

import org.picogate.streams.Stream;

/** A body without length or chunks (RFC 9112 6.3, last rule): it ends when the server closes the connection. */
final class UntilCloseBody extends ResponseBody {

    UntilCloseBody(Stream stream, BodyEvents events) {
        super(stream, events);
    }

    @Override
    protected int readBody(byte[] b, int off, int len) throws IOException {
        return readStream(b, off, len);
    }

    @Override
    protected boolean reusable() {
        return false;
    }
}
