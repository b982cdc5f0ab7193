package org.picogate.http.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

import org.picogate.http.HttpException;

/**
 * Answers a request with a file: validators, conditional requests, byte ranges and pre-compressed variants.
 *
 * <p>For GET and HEAD with status 200 (RFC 9110 13.2.2 order):
 * <ol>
 * <li>{@code If-Match} (strong comparison, {@code *} matches) fails → 412; without it, {@code If-Unmodified-Since}
 * earlier than Last-Modified → 412.</li>
 * <li>{@code If-None-Match} (a list or {@code *}, weak comparison) matches → 304; only without it,
 * {@code If-Modified-Since} not earlier than Last-Modified → 304. A 304 carries ETag (and Vary), no
 * Content-Length, no body. Invalid dates are ignored.</li>
 * <li>{@code Range} (GET only; HEAD ignores it, RFC 9110 14.2), guarded by {@code If-Range} (an entity tag compared
 * strongly, or a date equal to Last-Modified): one satisfiable {@code bytes=} range → 206 with
 * {@code Content-Range}; none satisfiable → 416 with {@code Content-Range: bytes *}{@code /len}; <b>several ranges
 * → the whole file with 200</b> (allowed: a server may ignore Range; multipart/byteranges is not worth its code on
 * a gateway); a malformed header or another unit is ignored.</li>
 * </ol>
 * Every 200/206 has {@code ETag}, {@code Last-Modified}, {@code Accept-Ranges: bytes} and {@code Content-Type} (by
 * extension, unless the handler set one). A file with a usable {@code name.gz} always gets
 * {@code Vary: Accept-Encoding}, and the gz variant (with {@code Content-Encoding: gzip}) when the request's
 * {@code Accept-Encoding} allows gzip: {@code gzip}/{@code x-gzip} with q &gt; 0, or {@code *} with q &gt; 0 and
 * gzip not named. No {@code Accept-Encoding} at all gets the identity file (what browsers and nginx do, though RFC
 * 9110 12.5.3 would allow any coding). Validators and ranges then apply to the gz bytes.
 *
 * <p>If the handler set another status (a custom 404 page, say), or the method is not GET/HEAD, the whole file is
 * sent with that status, without validators, conditionals or ranges.
 */
public final class FileResponder {

    private static final long[] IGNORE = null;
    private static final long[] UNSATISFIABLE = {};

    private final boolean precompressed;

    /** @param precompressed serve {@code name.gz} to clients that accept gzip */
    public FileResponder(boolean precompressed) {
        this.precompressed = precompressed;
    }

    boolean precompressed() {
        return precompressed;
    }

    /**
     * Sends {@code file} (no cache).
     *
     * @throws HttpException 404 if it is not a readable regular file
     */
    public void respond(FileReply reply, Path file) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            throw notFound();
        }
        respond(reply, file, attrs);
    }

    /** Sends {@code file}, whose attributes were just read (no cache). */
    public void respond(FileReply reply, Path file, BasicFileAttributes attrs) throws IOException {
        if (!attrs.isRegularFile()) {
            throw notFound();
        }
        FileEntry entry;
        try {
            entry = FileEntry.load(file, attrs, precompressed, 0, null, null, 0);
        } catch (IOException | SecurityException e) {
            throw notFound();
        }
        respond(reply, entry);
    }

    /** Sends a prepared (possibly cached) file. */
    void respond(FileReply reply, FileEntry entry) throws IOException {
        String method = reply.requestMethod();
        boolean head = "HEAD".equals(method);
        boolean get = "GET".equals(method);
        FileEntry.Variant v = entry.identity;
        if (entry.gz != null) {
            reply.header("Vary", "Accept-Encoding");
            if (acceptsGzip(reply.requestHeader("Accept-Encoding"))) {
                v = entry.gz;
                reply.header("Content-Encoding", "gzip");
            }
        }
        if (!reply.hasHeader("Content-Type")) {
            reply.header("Content-Type", entry.contentType);
        }
        if ((!get && !head) || reply.status() != 200) {
            sendBody(reply, v, 0, v.size(), head);
            return;
        }
        int precondition = preconditions(reply, v);
        if (precondition != 200) {
            reply.status(precondition);
            if (precondition == 304) {
                reply.header("ETag", v.etag());
                reply.sendHead(-1);
            } else {
                reply.sendHead(0);
            }
            return;
        }
        reply.header("ETag", v.etag());
        reply.header("Last-Modified", v.lastModified());
        reply.header("Accept-Ranges", "bytes");
        String range = get ? reply.requestHeader("Range") : null;
        if (range != null && ifRangeHolds(reply.requestHeader("If-Range"), v)) {
            long[] r = parseRange(range, v.size());
            if (r == UNSATISFIABLE) {
                reply.status(416);
                reply.header("Content-Range", "bytes */" + v.size());
                reply.sendHead(0);
                return;
            }
            if (r != IGNORE) {
                reply.status(206);
                reply.header("Content-Range", "bytes " + r[0] + '-' + r[1] + '/' + v.size());
                sendBody(reply, v, r[0], r[1] - r[0] + 1, false);
                return;
            }
        }
        sendBody(reply, v, 0, v.size(), head);
    }

    private static void sendBody(FileReply reply, FileEntry.Variant v, long position, long count, boolean head)
            throws IOException {
        if (head) {
            reply.sendHead(count);
        } else if (v.content() != null) {
            reply.sendHead(count);
            reply.sendBytesBody(v.content(), (int) position, (int) count);
        } else {
            FileChannel channel;
            try {
                channel = FileChannel.open(v.path(), StandardOpenOption.READ); // before the head: can still 404
            } catch (IOException | SecurityException e) {
                throw notFound();
            }
            try (channel) {
                reply.sendHead(count);
                reply.sendFileBody(channel, position, count);
            }
        }
    }

    /** 200 to go on, or 412 / 304. */
    private static int preconditions(FileReply reply, FileEntry.Variant v) {
        String ifMatch = reply.requestHeader("If-Match");
        if (ifMatch != null) {
            if (!etagListMatches(ifMatch, v.etag(), false)) {
                return 412;
            }
        } else {
            long date = HttpDates.parse(reply.requestHeader("If-Unmodified-Since"));
            if (date != HttpDates.INVALID && v.lastModifiedSeconds() > date) {
                return 412;
            }
        }
        String ifNoneMatch = reply.requestHeader("If-None-Match");
        if (ifNoneMatch != null) {
            if (etagListMatches(ifNoneMatch, v.etag(), true)) {
                return 304;
            }
        } else {
            long date = HttpDates.parse(reply.requestHeader("If-Modified-Since"));
            if (date != HttpDates.INVALID && v.lastModifiedSeconds() <= date) {
                return 304;
            }
        }
        return 200;
    }

    private static boolean ifRangeHolds(String ifRange, FileEntry.Variant v) {
        if (ifRange == null) {
            return true;
        }
        String s = ifRange.strip();
        if (s.startsWith("W/")) {
            return false; // a weak tag never matches strongly
        }
        if (s.startsWith("\"")) {
            return s.equals(v.etag());
        }
        long date = HttpDates.parse(s);
        return date != HttpDates.INVALID && date == v.lastModifiedSeconds();
    }

    /**
     * Whether the entity-tag list {@code field} ({@code *} or {@code 1#entity-tag}) contains {@code etag} (a
     * strong tag with its quotes). Weak comparison ignores {@code W/}; strong comparison never matches a weak tag.
     * A malformed list matches nothing from the malformed element on.
     */
    static boolean etagListMatches(String field, String etag, boolean weak) {
        int n = field.length();
        int i = 0;
        while (i < n) {
            char c = field.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (c == '*') {
                return field.strip().equals("*");
            }
            boolean isWeak = false;
            if (c == 'W' && i + 1 < n && field.charAt(i + 1) == '/') {
                isWeak = true;
                i += 2;
            }
            if (i >= n || field.charAt(i) != '"') {
                return false;
            }
            int close = field.indexOf('"', i + 1);
            if (close < 0) {
                return false;
            }
            int len = close + 1 - i;
            if ((weak || !isWeak) && len == etag.length() && field.regionMatches(i, etag, 0, len)) {
                return true;
            }
            i = close + 1;
        }
        return false;
    }

    /**
     * Whether an {@code Accept-Encoding} value allows gzip. {@code null} (no header) does not: identity is the safe
     * answer for clients that never asked.
     */
    static boolean acceptsGzip(String field) {
        if (field == null) {
            return false;
        }
        int gzipQ = -1;
        int starQ = -1;
        int n = field.length();
        int i = 0;
        while (i < n) {
            int end = field.indexOf(',', i);
            if (end < 0) {
                end = n;
            }
            int semi = field.indexOf(';', i);
            int nameEnd = semi >= 0 && semi < end ? semi : end;
            int s = skipSpace(field, i, nameEnd);
            int e = trimEnd(field, s, nameEnd);
            int len = e - s;
            boolean gzip = (len == 4 && field.regionMatches(true, s, "gzip", 0, 4))
                    || (len == 6 && field.regionMatches(true, s, "x-gzip", 0, 6));
            boolean star = len == 1 && field.charAt(s) == '*';
            if (gzip || star) {
                int q = nameEnd < end ? qValue(field, nameEnd, end) : 1000;
                if (gzip) {
                    gzipQ = Math.max(gzipQ, q);
                } else {
                    starQ = Math.max(starQ, q);
                }
            }
            i = end + 1;
        }
        return gzipQ >= 0 ? gzipQ > 0 : starQ > 0;
    }

    /** The q parameter among {@code ;param} at [from, to), in thousandths; 1000 if absent; 0 if malformed. */
    private static int qValue(String f, int from, int to) {
        int i = from;
        while (i < to) {
            // at ';'
            int next = f.indexOf(';', i + 1);
            if (next < 0 || next > to) {
                next = to;
            }
            int s = skipSpace(f, i + 1, next);
            int e = trimEnd(f, s, next);
            if (e - s >= 2 && (f.charAt(s) == 'q' || f.charAt(s) == 'Q') && f.charAt(s + 1) == '=') {
                return parseQ(f, s + 2, e);
            }
            i = next;
        }
        return 1000;
    }

    /** qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) in thousandths, or 0 if malformed. */
    private static int parseQ(String f, int s, int e) {
        if (s >= e || e - s > 5) {
            return 0;
        }
        char first = f.charAt(s);
        if (first != '0' && first != '1') {
            return 0;
        }
        if (e - s > 1 && f.charAt(s + 1) != '.') {
            return 0;
        }
        int q = (first - '0') * 1000;
        int scale = 100;
        for (int i = s + 2; i < e; i++) {
            char c = f.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            q += (c - '0') * scale;
            scale /= 10;
        }
        return q > 1000 ? 0 : q;
    }

    private static int skipSpace(String f, int i, int to) {
        while (i < to && (f.charAt(i) == ' ' || f.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String f, int from, int e) {
        while (e > from && (f.charAt(e - 1) == ' ' || f.charAt(e - 1) == '\t')) {
            e--;
        }
        return e;
    }

    /**
     * A {@code Range} value against a representation of {@code length} bytes: {@code {first, last}} for one
     * satisfiable range, {@link #UNSATISFIABLE}, or {@code null} to ignore the header (malformed, another unit,
     * several ranges).
     */
    static long[] parseRange(String field, long length) {
        String f = field.strip();
        if (f.length() < 7 || !f.regionMatches(true, 0, "bytes=", 0, 6)) {
            return IGNORE;
        }
        String spec = null;
        // empty list elements are allowed (RFC 9110 5.6.1): only a second real range makes it "several"
        for (String part : f.substring(6).split(",", -1)) {
            if (!part.isBlank()) {
                if (spec != null) {
                    return IGNORE;
                }
                spec = part.strip();
            }
        }
        if (spec == null) {
            return IGNORE;
        }
        f = spec;
        int s = 0;
        int e = f.length();
        int dash = f.indexOf('-', s);
        if (dash < 0 || dash >= e) {
            return IGNORE;
        }
        if (dash == s) {
            long suffix = digits(f, dash + 1, e);
            if (suffix < 0) {
                return IGNORE;
            }
            if (suffix == 0 || length == 0) {
                return UNSATISFIABLE;
            }
            return new long[] {Math.max(0, length - suffix), length - 1};
        }
        long first = digits(f, s, dash);
        long last = dash + 1 == e ? Long.MAX_VALUE : digits(f, dash + 1, e);
        if (first < 0 || last < 0 || last < first) {
            return IGNORE;
        }
        if (first >= length) {
            return UNSATISFIABLE;
        }
        return new long[] {first, Math.min(last, length - 1)};
    }

    /** 1*DIGIT at [s, e), saturating at Long.MAX_VALUE; -1 if empty or not digits. */
    private static long digits(String f, int s, int e) {
        if (s >= e) {
            return -1;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            char c = f.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : v * 10 + (c - '0');
        }
        return v;
    }

    static HttpException notFound() {
        return new HttpException(404, "Not Found");
    }
}
