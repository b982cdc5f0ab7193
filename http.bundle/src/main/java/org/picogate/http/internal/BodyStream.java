package org.picogate.http.internal;

import java.io.IOException;
import java.io.InputStream;

/** A request body as a stream: subclasses read in bulk; a single-byte read goes through the bulk read. */
abstract class BodyStream extends InputStream {
    private byte[] one;

    @Override
    public final int read() throws IOException {
        if (one == null) {
            one = new byte[1];
        }
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
