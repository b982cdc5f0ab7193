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
 *
 * <p>Text ({@link #writeText}, the face of {@code Response.writer()}) is encoded as UTF-8 straight into the same
 * buffer: no byte array per string, and text and bytes written in turn through {@code writer()} and
 * {@code output()} stay in order. A surrogate pair split across two writes of text is joined; a lone surrogate
 * becomes {@code ?}, as the JDK's encoders do.
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
    /** Room the text encoder keeps free: the longest UTF-8 sequence of one code point. */
    private static final int MAX_CHAR_BYTES = 4;

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
    /** The high surrogate that ended the last text written, waiting for its low half; 0 when none. */
    private char pendingHigh;

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
        requireOpen();
        endPendingSurrogate();
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
        endPendingSurrogate();
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

    /**
     * Writes {@code len} chars of {@code s} from {@code off}, encoded as UTF-8 into the buffer, which is sent as
     * {@link #write(byte[], int, int)} sends it when it fills.
     */
    void writeText(String s, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, s.length());
        requireOpen();
        int next = off;
        int end = off + len;
        if (pendingHigh != 0 && next < end) {
            char high = pendingHigh;
            pendingHigh = 0;
            makeRoom();
            int start = buffered;
            if (Character.isLowSurrogate(s.charAt(next))) {
                putCodePoint(Character.toCodePoint(high, s.charAt(next++)));
            } else {
                buffer[buffered++] = '?';
            }
            accept(start);
        }
        while (next < end) {
            makeRoom();
            int start = buffered;
            next = encode(s, next, end);
            accept(start);
        }
    }

    /**
     * Encodes chars of {@code s} from {@code next} into the buffer while there is room for any of them; returns
     * where it stopped. A high surrogate that ends the text waits in {@link #pendingHigh}.
     */
    private int encode(String s, int next, int end) {
        byte[] b = buffer;
        int at = buffered;
        int last = b.length - MAX_CHAR_BYTES;
        int i = next;
        while (i < end && at <= last) {
            char c = s.charAt(i++);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i < end && Character.isLowSurrogate(s.charAt(i))) {
                buffered = at;
                putCodePoint(Character.toCodePoint(c, s.charAt(i++)));
                at = buffered;
            } else if (Character.isHighSurrogate(c) && i == end) {
                pendingHigh = c; // its low half may start the next text
            } else {
                b[at++] = '?';
            }
        }
        buffered = at;
        return i;
    }

    /** A supplementary code point: four bytes. */
    private void putCodePoint(int cp) {
        buffer[buffered++] = (byte) (0xF0 | cp >> 18);
        buffer[buffered++] = (byte) (0x80 | cp >> 12 & 0x3F);
        buffer[buffered++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buffer[buffered++] = (byte) (0x80 | cp & 0x3F);
    }

    /** Sends the buffer if it has no room for one more char of text. */
    private void makeRoom() throws IOException {
        if (buffer.length - buffered < MAX_CHAR_BYTES) {
            startStreaming();
            flushBuffer();
        }
    }

    /** Takes the text bytes encoded into the buffer from {@code start} as written: counted, checked, kept. */
    private void accept(int start) throws IOException {
        int len = buffered - start;
        if (framing == Framing.LENGTH && written + len > declaredLength) {
            buffered = start;
            throw new IOException("body longer than its Content-Length of " + declaredLength);
        }
        written += len;
        if (discard) {
            buffered = start; // a HEAD request: counted, not sent
        }
    }

    /** A high surrogate still waiting when bytes follow, or the body ends, has no other half: {@code ?}. */
    private void endPendingSurrogate() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            writeText("?", 0, 1);
        }
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("the response body is closed");
        }
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
