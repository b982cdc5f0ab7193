package org.picogate.client.internal;

import java.io.IOException;
import java.net.URI;

import org.picogate.client.HttpProtocolException;
import org.picogate.streams.IncompleteReadException;
import org.picogate.streams.LimitExceededException;
import org.picogate.streams.Stream;

/**
 * A body in chunked transfer coding (RFC 9112 7.1): {@code hex-size [;ext] CRLF data CRLF}, ended by a chunk of
 * size 0 and trailer fields (read and dropped) up to an empty line. Sizes above 2^60 or with other characters,
 * a missing CRLF after the data, and lines longer than {@link #MAX_LINE} are protocol errors.
 */
final class ChunkedBody extends ResponseBody {
    static final int MAX_LINE = 4096;
    static final int MAX_TRAILERS = 16384;
    private static final byte[] LF = { '\n' };

    private final URI url;
    private long chunkLeft;
    private boolean last;

    ChunkedBody(Stream stream, BodyEvents events, URI url) {
        super(stream, events);
        this.url = url;
    }

    @Override
    protected int readBody(byte[] b, int off, int len) throws IOException {
        if (last) {
            return -1;
        }
        if (chunkLeft == 0) {
            chunkLeft = readSize();
            if (chunkLeft == 0) {
                readTrailers();
                last = true;
                return -1;
            }
        }
        int n = readStream(b, off, (int) Math.min(len, chunkLeft));
        if (n < 0) {
            throw new BodyCutShortException("the connection ended within a chunk of the body");
        }
        chunkLeft -= n;
        if (chunkLeft == 0) {
            byte[] crlf;
            try {
                crlf = stream.readExactly(2);
            } catch (IncompleteReadException e) {
                throw new BodyCutShortException("the connection ended after a chunk's data");
            }
            if (crlf[0] != '\r' || crlf[1] != '\n') {
                throw new HttpProtocolException(url, "chunk data not followed by CRLF", crlf);
            }
        }
        return n;
    }

    private long readSize() throws IOException {
        byte[] line = line();
        int end = line.length - 2;
        if (end < 1 || line[end] != '\r') {
            throw new HttpProtocolException(url, "chunk size line not ended by CRLF", line);
        }
        long size = 0;
        int i = 0;
        for (; i < end; i++) {
            int digit = Character.digit(line[i], 16);
            if (digit < 0) {
                break;
            }
            if (size > (1L << 56)) {
                throw new HttpProtocolException(url, "chunk size too large", line);
            }
            size = size * 16 + digit;
        }
        if (i == 0 || (i < end && line[i] != ';' && line[i] != ' ' && line[i] != '\t')) {
            throw new HttpProtocolException(url, "bad chunk size", line);
        }
        return size;
    }

    private void readTrailers() throws IOException {
        int total = 0;
        while (true) {
            byte[] line = line();
            total += line.length;
            if (total > MAX_TRAILERS) {
                throw new HttpProtocolException(url, "trailer section longer than " + MAX_TRAILERS + " bytes", null);
            }
            if (line.length == 2 && line[0] == '\r') {
                return;
            }
        }
    }

    private byte[] line() throws IOException {
        try {
            return stream.readUntil(LF, MAX_LINE);
        } catch (IncompleteReadException e) {
            throw new BodyCutShortException("the connection ended within a chunk size line");
        } catch (LimitExceededException e) {
            throw new HttpProtocolException(url, "chunk size or trailer line longer than " + MAX_LINE + " bytes",
                    null);
        }
    }

    @Override
    protected boolean reusable() {
        return true;
    }
}
