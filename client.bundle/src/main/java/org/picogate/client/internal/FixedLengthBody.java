package org.picogate.client.internal;

import java.io.IOException;

import org.picogate.streams.Stream;

/** A body of {@code Content-Length} bytes; ending early is the server's disconnect. */
final class FixedLengthBody extends ResponseBody {
    private final long length;
    private long remaining;

    FixedLengthBody(Stream stream, BodyEvents events, long length) {
        super(stream, events);
        this.length = length;
        this.remaining = length;
    }

    @Override
    protected int readBody(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int n = readStream(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new BodyCutShortException("the connection ended after " + (length - remaining) + " of " + length
                    + " body bytes");
        }
        remaining -= n;
        return n;
    }

    @Override
    protected boolean reusable() {
        return true;
    }
}
