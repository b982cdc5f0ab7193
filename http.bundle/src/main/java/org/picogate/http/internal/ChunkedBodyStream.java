package org.picogate.http.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

import org.picogate.http.HttpException;
import org.picogate.streams.IncompleteReadException;
import org.picogate.streams.LimitExceededException;
import org.picogate.streams.Stream;

/**
 * A chunked body (RFC 9112 7.1) read from a {@link Stream}, de-chunked. Reading it to its end (-1) consumes the
 * last chunk, the trailer section (checked and discarded, RFC 9112 7.1.2) and the final {@code CR LF}, leaving the
 * stream at the next request. Data reads go through the stream's buffer, one refill at most per call; the
 * {@code CR LF} after a chunk and the next chunk line are read lazily, by the read that needs them.
 *
 * <p>Strict, because chunked framing is where request smuggling lives:
 * <ul>
 * <li>chunk line: {@code 1*16HEXDIG *(BWS ";" BWS token [BWS "=" BWS (token / quoted-string)]) CR LF}, at most
 * {@value #MAX_CHUNK_LINE} bytes; more hex digits, a size that overflows a {@code long}, whitespace not followed
 * by an extension, a malformed extension, or a longer line: 400;</li>
 * <li>every line ends with {@code CR LF}: a bare {@code LF} is 400 here (RFC 9112 2.2 allows accepting one only
 * for the start line and fields, and the chunked framing is where parsers that disagree get smuggled past);</li>
 * <li>chunk data is followed by exactly {@code CR LF}, else 400;</li>
 * <li>the trailer section is field lines (as in the head: token name, colon, no control characters, no folding)
 * within {@code maxTrailerBytes} and {@code maxTrailers} lines, else 400; the fields are dropped;</li>
 * <li>body bytes over {@code maxBody}: 413, as soon as a chunk line announces them, before its data is read;</li>
 * <li>input that ends anywhere before the final {@code CR LF}: {@link EOFException} (an
 * {@link IncompleteReadException} where the stream throws one).</li>
 * </ul>
 * After an error every read throws it again. {@link #close()} neither closes nor drains the stream.
 */
public final class ChunkedBodyStream extends BodyStream {

    /** Bytes of a chunk line, extensions and {@code CR LF} included. */
    public static final int MAX_CHUNK_LINE = 4096;

    private static final byte[] LF = { '\n' };
    private static final int SIZE = 0;
    private static final int DATA = 1;
    private static final int DATA_END = 2;
    private static final int DONE = 3;

    private final Stream in;
    private final long maxBody;
    private final int maxTrailerBytes;
    private final int maxTrailers;
    private int state = SIZE;
    private long remaining;
    private long total;
    private IOException ioFailure;
    private HttpException httpFailure;

    /** With the default header limits for the trailer section. */
    public ChunkedBodyStream(Stream in, long maxBody) {
        this(in, maxBody, HttpLimits.DEFAULTS.maxHeaderBytes(), HttpLimits.DEFAULTS.maxHeaders());
    }

    /**
     * @param maxBody de-chunked bytes allowed; more: 413
     * @param maxTrailerBytes bytes of trailer lines ({@code CR LF} included) allowed; more: 400
     * @param maxTrailers trailer lines allowed; more: 400
     */
    public ChunkedBodyStream(Stream in, long maxBody, int maxTrailerBytes, int maxTrailers) {
        this.in = Objects.requireNonNull(in, "in");
        this.maxBody = maxBody;
        this.maxTrailerBytes = maxTrailerBytes;
        this.maxTrailers = maxTrailers;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (ioFailure != null) {
            throw ioFailure;
        }
        if (httpFailure != null) {
            throw httpFailure;
        }
        try {
            while (state != DATA) {
                switch (state) {
                    case DONE:
                        return -1;
                    case DATA_END:
                        dataEnd();
                        state = SIZE;
                        break;
                    default:
                        chunkLine();
                        break;
                }
            }
            if (len == 0) {
                return 0;
            }
            int n = in.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)));
            if (n < 0) {
                throw new EOFException("input ended inside a chunk, " + remaining + " bytes short");
            }
            remaining -= n;
            if (remaining == 0) {
                state = DATA_END;
            }
            return n;
        } catch (HttpException e) {
            httpFailure = e;
            throw e;
        } catch (IOException e) {
            ioFailure = e;
            throw e;
        }
    }

    /** De-chunked bytes announced so far. */
    public long total() {
        return total;
    }

    /** Whether the whole body, trailers and final {@code CR LF} included, has been read. */
    public boolean isFinished() {
        return state == DONE;
    }

    @Override
    public void close() {
        // a view of the connection: the connection loop decides whether to drain it or close it
    }

    /** The {@code CR LF} after chunk data. */
    private void dataEnd() throws IOException {
        byte[] crlf = in.readExactly(2);
        if (crlf[0] != '\r' || crlf[1] != '\n') {
            throw new HttpException(400, "chunk data not followed by CR LF");
        }
    }

    /** {@code chunk-size [chunk-ext] CRLF}; then, for the last chunk, the trailer section. */
    private void chunkLine() throws IOException {
        byte[] line = line(MAX_CHUNK_LINE, 400, "chunk line longer than " + MAX_CHUNK_LINE + " bytes");
        int end = line.length - 2;
        long size = 0;
        int i = 0;
        while (i < end) {
            int h = PercentDecoding.hex(line[i]);
            if (h < 0) {
                break;
            }
            if (i == 16 || (size >>> 59) != 0) {
                throw new HttpException(400, "chunk size too large");
            }
            size = size << 4 | h;
            i++;
        }
        if (i == 0) {
            throw new HttpException(400, "bad chunk size");
        }
        checkExtensions(line, i, end);
        if (size == 0) {
            trailers();
            state = DONE;
            return;
        }
        if (size > maxBody - total) {
            throw new HttpException(413, "body larger than " + maxBody + " bytes");
        }
        total += size;
        remaining = size;
        state = DATA;
    }

    /** {@code *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] )} (RFC 9112 7.1.1). */
    private static void checkExtensions(byte[] b, int i, int end) {
        while (i < end) {
            i = skipWhitespace(b, i, end);
            if (i == end || b[i] != ';') {
                throw new HttpException(400, "bad chunk extension");
            }
            i = skipWhitespace(b, i + 1, end);
            int nameStart = i;
            i = skipToken(b, i, end);
            if (i == nameStart) {
                throw new HttpException(400, "bad chunk extension name");
            }
            int afterName = skipWhitespace(b, i, end);
            if (afterName < end && b[afterName] == '=') {
                i = skipWhitespace(b, afterName + 1, end);
                if (i < end && b[i] == '"') {
                    i = skipQuotedString(b, i, end);
                } else {
                    int valueStart = i;
                    i = skipToken(b, i, end);
                    if (i == valueStart) {
                        throw new HttpException(400, "bad chunk extension value");
                    }
                }
            }
        }
    }

    private static int skipWhitespace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipToken(byte[] b, int i, int end) {
        while (i < end && RequestParser.isTchar(b[i])) {
            i++;
        }
        return i;
    }

    /** A quoted-string (RFC 9110 5.6.4) starting at the {@code "} at {@code i}; the index after it. */
    private static int skipQuotedString(byte[] b, int i, int end) {
        for (i++; i < end; i++) {
            int c = b[i] & 0xff;
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i++;
                if (i == end || !RequestParser.isQuotedPairChar(b[i])) {
                    throw new HttpException(400, "bad quoted-pair in a chunk extension");
                }
            } else if (!RequestParser.isQdtext(b[i])) {
                throw new HttpException(400, "bad character in a chunk extension");
            }
        }
        throw new HttpException(400, "unterminated quoted-string in a chunk extension");
    }

    /** The trailer section up to its empty line, checked and discarded (RFC 9112 7.1.2). */
    private void trailers() throws IOException {
        int budget = maxTrailerBytes;
        int count = 0;
        while (true) {
            byte[] line = line(Math.min(budget, Integer.MAX_VALUE - 2) + 2, 400, "trailer section larger than " + maxTrailerBytes + " bytes");
            int end = line.length - 2;
            if (end == 0) {
                return;
            }
            if (line.length > budget) {
                throw new HttpException(400, "trailer section larger than " + maxTrailerBytes + " bytes");
            }
            budget -= line.length;
            if (++count > maxTrailers) {
                throw new HttpException(400, "more than " + maxTrailers + " trailer fields");
            }
            RequestParser.checkFieldLine(line, end);
        }
    }

    /** A line ending in {@code CR LF}, which is included; bare {@code LF}: 400. */
    private byte[] line(int max, int status, String tooLong) throws IOException {
        byte[] line;
        try {
            line = in.readUntil(LF, max);
        } catch (LimitExceededException e) {
            throw new HttpException(status, tooLong);
        }
        if (line.length < 2 || line[line.length - 2] != '\r') {
            throw new HttpException(400, "chunked body line not ended by CR LF");
        }
        return line;
    }
}
