package org.picogate.http.internal;

import java.io.IOException;
import java.io.Writer;

/**
 * The writer of {@code Response.writer()}: text encoded as UTF-8 straight into the body's buffer
 * ({@link BodyOutput#writeText}). Why not an {@code OutputStreamWriter}: its encoder copies every string through a
 * char and a byte buffer (a third of a template page's CPU in the profile); and its close flushes the stream
 * underneath, which would force a small body to be streamed instead of sent with its length. Nor
 * {@link String#getBytes}: a byte array per string written, where a template writes dozens of small ones.
 */
final class Utf8Writer extends Writer {
    private final BodyOutput body;

    Utf8Writer(BodyOutput body) {
        this.body = body;
    }

    @Override
    public void write(int c) throws IOException {
        body.writeText(String.valueOf((char) c), 0, 1);
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        body.writeText(new String(chars, off, len), 0, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        body.writeText(s, off, len);
    }

    @Override
    public void flush() throws IOException {
        body.flush();
    }

    /** Ends the body: a surrogate still waiting has no other half and goes out as {@code ?}. */
    @Override
    public void close() throws IOException {
        body.close();
    }
}
