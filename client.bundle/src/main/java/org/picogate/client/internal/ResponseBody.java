package org.picogate.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

import org.picogate.streams.Stream;

/**
 * The body of a response as it arrives, framed by one of the subclasses; tells its {@link BodyEvents} when it
 * ends or fails, once. After a failure or close every read throws or returns end of input.
 */
abstract class ResponseBody extends InputStream {
    protected final Stream stream;
    private final BodyEvents events;
    private boolean ended;
    private IOException failure;

    ResponseBody(Stream stream, BodyEvents events) {
        this.stream = stream;
        this.events = events;
    }

    /** An empty body (HEAD, 204, 304): complete at once. */
    static ResponseBody empty(Stream stream, BodyEvents events) {
        ResponseBody body = new ResponseBody(stream, events) {
            @Override
            protected int readBody(byte[] b, int off, int len) {
                return -1;
            }

            @Override
            protected boolean reusable() {
                return true;
            }
        };
        body.end();
        return body;
    }

    /** Up to {@code len} bytes of the body, or -1 at its end. */
    protected abstract int readBody(byte[] b, int off, int len) throws IOException;

    /** Whether the connection may carry another request once this body ended (framing allows it). */
    protected abstract boolean reusable();

    /** One buffered read of the stream into {@code b}; -1 at end of input. */
    protected final int readStream(byte[] b, int off, int len) throws IOException {
        return stream.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n;
        try {
            n = readBody(b, off, len);
        } catch (IOException e) {
            ended = true;
            failure = events.failed(e, "reading the response body");
            throw failure;
        } catch (RuntimeException | Error e) { // cancelled: the connection must go too
            ended = true;
            events.failed(new IOException(e), "reading the response body");
            throw e;
        }
        if (n < 0) {
            end();
        }
        return n;
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        while ((n = read(one, 0, 1)) == 0) {
            // len is 1: zero is not returned, but loop rather than assume
        }
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /** Whether the body was read to its end (or failed). */
    final boolean ended() {
        return ended;
    }

    private void end() {
        ended = true;
        events.completed(reusable());
    }

    /**
     * Stops reading: a body not at its end has its connection closed (the rest of the body would have to be
     * read first to reuse it).
     */
    @Override
    public final void close() {
        if (!ended) {
            ended = true;
            failure = new IOException("the response was closed");
            events.failed(failure, "closing the response");
        }
    }
}
