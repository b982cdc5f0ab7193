package org.picogate.notes.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;

import gg.jte.TemplateOutput;

import org.picogate.http.Response;

/**
 * jte's output into a response body. The templates' constant text comes as the UTF-8 bytes jte encoded at build
 * time ({@code binaryStaticContent} in pom.xml) and is copied as it is into {@link Response#output()}; only the
 * values (titles, ids, times) are encoded, by {@link Response#writer()}, into the same buffer. Both stay in order:
 * they are two faces of one body.
 *
 * <p>jte's output methods cannot throw {@link IOException}: it travels as an {@link UncheckedIOException}, which
 * {@link Pages} unwraps.
 */
final class ResponseOutput implements TemplateOutput {
    private final Writer text;
    private final OutputStream bytes;

    /** Starts the body of {@code response}: its headers are final from here. */
    ResponseOutput(Response response) throws IOException {
        this.text = response.writer();
        this.bytes = response.output();
    }

    @Override
    public void writeContent(String value) {
        try {
            text.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        try {
            text.write(value, beginIndex, endIndex - beginIndex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        try {
            bytes.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the body: what is buffered goes out (with its length, if it all fit). */
    void close() throws IOException {
        text.close();
    }
}
