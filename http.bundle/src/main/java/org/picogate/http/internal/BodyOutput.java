package org.picogate.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.picogate.streams.Stream;

/**
 * The body stream of {@code Response.output()}: chunked (each flush or full buffer one chunk), exactly a declared
 * length, or until the connection closes (HTTP/1.0). Writes are gathered into chunks of up to {@link #CHUNK}
 * bytes so that a handler writing byte by byte does not make one chunk per byte.
 *
 * <p>Without a declared length the head waits ({@link Framing#DEFERRED}): a body that ends before it filled the
 * buffer and before any flush goes out with a {@code Content-Length}, head and body in one write, like a
 * {@code send}. Why: most rendered pages are small; a length keeps an HTTP/1.0 keep-alive connection open (a
 * streamed body there can only end with the connection) and saves the chunk framing. Only a body that outgrows
 * the buffer, or is flushed, is streamed.
 */
final class BodyOutput extends OutputStream {
    enum Framing { CHUNKED, LENGTH, UNTIL_CLOSE, DEFERRED }

    /** Builds the head once the framing is known, and marks it in the response's fields. */
    interface Head {
        /** The head for a body of {@code length} bytes. */
        byte[] withLength(long length);

        /** The head for a streamed body: chunked or close-delimited, as {@code streamed} says. */
        byte[] streamed(Framing streamed);
    }

    private static final int CHUNK = 8192;
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Stream stream;
    private Framing framing;
    private final long declaredLength;
    /** For {@link Framing#DEFERRED}: how to stream if it must, and the head to build then. */
    private final Framing streamed;
    private final Head head;
    private final boolean discard;
    private final Runnable onClose;
    private final byte[] buffer = new byte[CHUNK];
    private int buffered;
    private long written;
    private boolean closed;

    /**
     * @param declaredLength the {@code Content-Length} for LENGTH framing
     * @param discard a HEAD request (or 204/304): bytes are counted, not sent
     */
    BodyOutput(Stream stream, Framing framing, long declaredLength, boolean discard, Runnable onClose) {
        this(stream, framing, declaredLength, discard, onClose, null, null);
    }

    /**
     * A body whose head waits until its framing is known: a {@code Content-Length} if it ends within the buffer,
     * else {@code streamed} (CHUNKED or UNTIL_CLOSE).
     */
    static BodyOutput deferred(Stream stream, Framing streamed, Head head, boolean discard, Runnable onClose) {
        return new BodyOutput(stream, Framing.DEFERRED, -1, discard, onClose, streamed, head);
    }

    private BodyOutput(Stream stream, Framing framing, long declaredLength, boolean discard, Runnable onClose,
            Framing streamed, Head head) {
        this.stream = stream;
        this.framing = framing;
        this.declaredLength = declaredLength;
        this.discard = discard;
        this.onClose = onClose;
        this.streamed = streamed;
        this.head = head;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("the response body is closed");
        }
        if (framing == Framing.LENGTH && written + len > declaredLength) {
            throw new IOException("body longer than its Content-Length of " + declaredLength);
        }
        written += len;
        if (discard) {
            return;
        }
        if (buffered + len <= buffer.length) {
            System.arraycopy(b, off, buffer, buffered, len);
            buffered += len;
            return;
        }
        startStreaming();
        flushBuffer();
        if (len >= buffer.length) {
            emit(ByteBuffer.wrap(b, off, len));
        } else {
            System.arraycopy(b, off, buffer, 0, len);
            buffered = len;
        }
    }

    @Override
    public void flush() throws IOException {
        if (!closed && !discard) {
            startStreaming();
            flushBuffer();
            stream.drain();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (framing == Framing.DEFERRED) {
            // the whole body is here: head and body in one write, with its length (a HEAD: what GET would send)
            framing = Framing.LENGTH;
            byte[] withLength = head.withLength(written);
            if (discard) {
                stream.write(withLength);
            } else {
                stream.write(ByteBuffer.wrap(withLength), ByteBuffer.wrap(buffer, 0, buffered));
                buffered = 0;
            }
        } else if (!discard) {
            flushBuffer();
            if (framing == Framing.CHUNKED) {
                stream.write(LAST_CHUNK);
            }
        }
        if (framing == Framing.LENGTH && written < declaredLength && !discard) {
            throw new IOException("body ended after " + written + " of its Content-Length of " + declaredLength
                    + " bytes");
        }
        onClose.run();
    }

    /** Leaves {@link Framing#DEFERRED}: the head goes out for a streamed body. */
    private void startStreaming() throws IOException {
        if (framing == Framing.DEFERRED) {
            framing = streamed;
            stream.write(head.streamed(streamed));
        }
    }

    private void flushBuffer() throws IOException {
        if (buffered > 0) {
            emit(ByteBuffer.wrap(buffer, 0, buffered));
            buffered = 0;
        }
    }

    private void emit(ByteBuffer data) throws IOException {
        if (framing == Framing.CHUNKED) {
            byte[] size = (Integer.toHexString(data.remaining()) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            stream.write(ByteBuffer.wrap(size), data, ByteBuffer.wrap(new byte[] { '\r', '\n' }));
        } else {
            stream.write(data);
        }
    }
}
