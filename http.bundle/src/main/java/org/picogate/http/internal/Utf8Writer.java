package org.picogate.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The writer of {@code Response.writer()}: text encoded as UTF-8 straight into the body stream. Why not an
 * {@code OutputStreamWriter}: its encoder copies every string through a char and a byte buffer (a third of a
 * template page's CPU in the profile), where {@link String#getBytes} is one intrinsic pass; and its close flushes
 * the stream underneath, which would force a small body to be streamed instead of sent with its length.
 * A surrogate pair split across two writes is joined; a lone surrogate becomes {@code ?}, as the JDK's encoders do.
 */
final class Utf8Writer extends Writer {
    private final OutputStream out;
    /** The high surrogate that ended the last write, waiting for its low half; 0 when none. */
    private char pendingHigh;

    Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        write(new String(chars, off, len));
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        String text = off == 0 && len == s.length() ? s : s.substring(off, off + len);
        if (pendingHigh != 0) {
            text = pendingHigh + text;
            pendingHigh = 0;
        }
        char last = text.charAt(text.length() - 1);
        if (Character.isHighSurrogate(last)) {
            pendingHigh = last;
            text = text.substring(0, text.length() - 1);
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Ends the body: a surrogate still waiting has no other half and goes out as {@code ?}. */
    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            out.write('?');
        }
        out.close();
    }
}
