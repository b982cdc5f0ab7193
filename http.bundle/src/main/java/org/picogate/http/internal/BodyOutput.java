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
 */
final class BodyOutput extends OutputStream {
    enum Framing { CHUNKED, LENGTH, UNTIL_CLOSE }

    private static final int CHUNK = 8192;
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Stream stream;
    private final Framing framing;
    private final long declaredLength;
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
        this.stream = stream;
        this.framing = framing;
        this.declaredLength = declaredLength;
        this.discard = discard;
        this.onClose = onClose;
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
        if (!discard) {
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
