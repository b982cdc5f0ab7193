package org.picogate.http.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

import org.picogate.http.HttpException;
import org.picogate.streams.Stream;

/**
 * A body of exactly {@code length} bytes ({@code Content-Length}, RFC 9112 6.2) read from a {@link Stream}: reads
 * return -1 after the last one, leaving the stream at the next request. Reads go through the stream's buffer, one
 * refill at most per call.
 *
 * <p>Errors: a length over {@code maxBody} throws {@link HttpException} 413 at the first read, before any byte is
 * taken (the parser already answers 413 for lengths over the configured limit; this catches a smaller limit per
 * route); input that ends early throws {@link EOFException}, and again on every later read. {@link #close()}
 * neither closes nor drains the stream.
 */
public final class FixedLengthBodyStream extends BodyStream {
    private final Stream in;
    private final long length;
    private final long maxBody;
    private long remaining;
    private IOException failure;

    public FixedLengthBodyStream(Stream in, long length, long maxBody) {
        this.in = Objects.requireNonNull(in, "in");
        if (length < 0) {
            throw new IllegalArgumentException("length < 0: " + length);
        }
        this.length = length;
        this.maxBody = maxBody;
        this.remaining = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        if (length > maxBody) {
            throw new HttpException(413, "body larger than " + maxBody + " bytes");
        }
        if (remaining == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)));
        if (n < 0) {
            failure = new EOFException("input ended after " + (length - remaining) + " of " + length
                    + " body bytes");
            throw failure;
        }
        remaining -= n;
        return n;
    }

    /** Body bytes not read yet. */
    public long remaining() {
        return remaining;
    }

    /** Whether every body byte has been read: the stream is at the next request. */
    public boolean isFinished() {
        return remaining == 0 && failure == null;
    }

    @Override
    public void close() {
        // a view of the connection: the connection loop decides whether to drain it or close it
    }
}
