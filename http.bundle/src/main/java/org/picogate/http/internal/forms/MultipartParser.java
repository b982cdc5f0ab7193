package org.picogate.http.internal.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.picogate.http.FilePart;
import org.picogate.http.HttpException;

/**
 * A {@code multipart/form-data} body (RFC 7578 on RFC 2046 5.1), read once from its stream. The body is searched
 * for the delimiter {@code CRLF--boundary}; a CR LF is put before the first byte so that a delimiter opening the
 * body is found the same way (the preamble before it is dropped, as is the epilogue after the closing one). Each
 * part has a header section with {@code Content-Disposition: form-data; name="..."} and, for a file,
 * {@code filename="..."}. Text fields are kept in memory; a file goes to a temporary file once it is over the
 * memory threshold.
 *
 * <p>Anything malformed (no delimiter, a bad delimiter line, a body ending before the closing delimiter, a part
 * without a name, headers that are not UTF-8 text) answers 400; a limit crossed answers 413.
 */
public final class MultipartParser {
    /** Bytes read from the body at a time (the buffer also holds a whole part header section). */
    private static final int READ_SIZE = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final FormLimits limits;
    private final TempFiles temp;
    private final byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;

    private MultipartParser(InputStream in, String boundary, FormLimits limits, TempFiles temp) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.limits = limits;
        this.temp = temp;
        this.buf = new byte[Math.max(READ_SIZE, limits.maxPartHeaderBytes() + 256)];
    }

    /**
     * Parses the form in {@code body}.
     *
     * @param boundary the {@code boundary} parameter of the content type: 1 to 70 characters of RFC 2046's set
     * @throws HttpException 400 malformed, 413 over a limit
     */
    public static FormData parse(InputStream body, String boundary, FormLimits limits, TempFiles temp)
            throws IOException {
        checkBoundary(boundary);
        return new MultipartParser(body, boundary, limits, temp).parse();
    }

    /** bcharsnospace / bchars of RFC 2046 5.1.1, the last not a space. */
    static void checkBoundary(String boundary) {
        if (boundary == null || boundary.isEmpty()) {
            throw new HttpException(400, "multipart/form-data without a boundary");
        }
        if (boundary.length() > 70 || boundary.endsWith(" ")) {
            throw new HttpException(400, "bad multipart boundary");
        }
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || "'()+_,-./:=? ".indexOf(c) >= 0)) {
                throw new HttpException(400, "bad multipart boundary");
            }
        }
    }

    private FormData parse() throws IOException {
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
        readUntilDelimiter(Sink.DISCARD, "the multipart body has no boundary line");
        LinkedHashMap<String, List<String>> fields = new LinkedHashMap<>();
        List<FilePart> files = new ArrayList<>();
        for (int parts = 0; !closingDelimiter(); ) {
            if (++parts > limits.maxParts()) {
                throw new HttpException(413, "more than " + limits.maxParts() + " form parts");
            }
            PartHeaders headers = readHeaders();
            if (headers.filename() == null) {
                FieldSink field = new FieldSink(limits.maxFieldBytes());
                readUntilDelimiter(field, "the multipart body ends inside a part");
                fields.computeIfAbsent(headers.name(), k -> new ArrayList<>(1)).add(field.text());
            } else {
                FileSink file = new FileSink();
                try {
                    readUntilDelimiter(file, "the multipart body ends inside a part");
                } finally {
                    file.closeDisk();
                }
                files.add(file.part(headers));
            }
        }
        return new FormData(FormData.freeze(fields), files);
    }

    /** Whether the delimiter just read closes the body ({@code --}); else checks the rest of its line. */
    private boolean closingDelimiter() throws IOException {
        need(2, "the multipart body ends after a boundary");
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            return true; // the epilogue after it is not ours to read
        }
        while (true) { // transport padding: spaces and tabs before CR LF
            need(2, "the multipart body ends after a boundary");
            if (buf[pos] == ' ' || buf[pos] == '\t') {
                pos++;
            } else if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
                pos += 2;
                return false;
            } else {
                throw new HttpException(400, "bad multipart boundary line");
            }
        }
    }

    /** Passes bytes to {@code sink} up to the next delimiter, and steps over it. */
    private void readUntilDelimiter(Sink sink, String endedEarly) throws IOException {
        while (true) {
            int at = find();
            if (at >= 0) {
                sink.write(buf, pos, at - pos);
                pos = at + delimiter.length;
                return;
            }
            // keep a tail that may be the start of a delimiter split across reads
            int safe = Math.max(pos, lim - (delimiter.length - 1));
            sink.write(buf, pos, safe - pos);
            pos = safe;
            if (!fill()) {
                throw new HttpException(400, endedEarly);
            }
        }
    }

    /** The delimiter's position in {@code buf[pos, lim)}, or -1. */
    private int find() {
        int last = lim - delimiter.length;
        outer:
        for (int i = pos; i <= last; i++) {
            if (buf[i] != '\r') {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A part's header section, up to and including its empty line. */
    private PartHeaders readHeaders() throws IOException {
        int budget = limits.maxPartHeaderBytes();
        String disposition = null;
        String contentType = null;
        while (true) {
            int eol = lineEnd(budget);
            budget -= eol + 2 - pos;
            if (eol == pos) {
                pos += 2;
                break;
            }
            String line = utf8(pos, eol);
            pos = eol + 2;
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new HttpException(400, "bad header line in a multipart part");
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Disposition")) {
                disposition = value;
            } else if (name.equalsIgnoreCase("Content-Type")) {
                contentType = value;
            }
        }
        if (disposition == null) {
            throw new HttpException(400, "a multipart part without Content-Disposition");
        }
        return PartHeaders.of(disposition, contentType);
    }

    /** The CR of the line that starts at {@code pos}; reads more as needed. */
    private int lineEnd(int budget) throws IOException {
        int from = pos;
        while (true) {
            for (int i = from; i + 1 < lim; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n') {
                    if (i + 2 - pos > budget) {
                        break;
                    }
                    return i;
                }
            }
            if (lim - pos > budget) {
                throw new HttpException(413, "a multipart part's headers are over " + limits.maxPartHeaderBytes()
                        + " bytes");
            }
            from = Math.max(pos, lim - 1);
            int before = pos;
            if (!fill()) {
                throw new HttpException(400, "the multipart body ends inside a part's headers");
            }
            from -= before - pos; // fill moved the data to the start of the buffer
        }
    }

    private String utf8(int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buf, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new HttpException(400, "a multipart part's headers are not UTF-8");
        }
    }

    /** Makes {@code n} bytes available at {@code pos}. */
    private void need(int n, String endedEarly) throws IOException {
        while (lim - pos < n) {
            if (!fill()) {
                throw new HttpException(400, endedEarly);
            }
        }
    }

    /** Moves the unread bytes to the start and reads more; {@code false} at the end of the body. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        return true;
    }

    /** Where a part's bytes go. */
    private interface Sink {
        Sink DISCARD = (b, off, len) -> {
        };

        void write(byte[] b, int off, int len) throws IOException;
    }

    /** A text field, in memory, as UTF-8. */
    private static final class FieldSink extends ByteArrayOutputStream implements Sink {
        private final int max;

        FieldSink(int max) {
            super(64);
            this.max = max;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + (long) len > max) {
                throw new HttpException(413, "a form field is over " + max + " bytes");
            }
            super.write(b, off, len);
        }

        String text() {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buf, 0, count)).toString();
            } catch (CharacterCodingException e) {
                throw new HttpException(400, "a form field is not UTF-8");
            }
        }
    }

    /** A file: in memory up to the threshold, then in a temporary file. */
    private final class FileSink implements Sink {
        private ByteArrayOutputStream memory = new ByteArrayOutputStream(256);
        private Path path;
        private OutputStream disk;
        private long size;

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            size += len;
            if (size > limits.maxFileBytes()) {
                throw new HttpException(413, "an uploaded file is over " + limits.maxFileBytes() + " bytes");
            }
            if (disk == null && size <= limits.memoryThreshold()) {
                memory.write(b, off, len);
                return;
            }
            if (disk == null) {
                path = temp.create(limits.tempDir());
                disk = Files.newOutputStream(path);
                memory.writeTo(disk);
                memory = null;
            }
            disk.write(b, off, len);
        }

        void closeDisk() throws IOException {
            if (disk != null) {
                disk.close();
            }
        }

        UploadedFile part(PartHeaders headers) {
            String type = headers.contentType() == null ? "application/octet-stream" : headers.contentType();
            return new UploadedFile(headers.name(), headers.filename(), type, size,
                    memory == null ? null : memory.toByteArray(), path);
        }
    }
}
