package org.picogate.http.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.picogate.http.HttpException;

/**
 * A directory served under a URL prefix ({@code Routes.statics(prefix, dir)}): maps a request path to a file, safely,
 * and answers with {@link FileResponder}.
 *
 * <p>The path given is the parser's percent-decoded path, and it is never decoded again (a literal {@code %2e%2e}
 * in it names a file called that). A request is <b>404</b> when, after the prefix, any segment:
 * <ul>
 * <li>is {@code .} or {@code ..} (rejected, not normalised: a client has no business sending them);</li>
 * <li>contains a backslash, NUL or another control character;</li>
 * <li>is <b>hidden</b> (starts with a dot: {@code .git}, {@code .env}, {@code .htpasswd}), unless hidden files are
 * enabled; {@code .well-known} (RFC 8615, ACME challenges) is always allowed.</li>
 * </ul>
 * Empty segments ({@code a//b}) are merged, as nginx does, so a path can never turn absolute. The file is then
 * resolved with {@code toRealPath} (all symbolic links followed) and must lie inside the root's real path:
 * symlinks that stay inside the root work, links leading out of it are 404. Only regular files are served (no
 * devices or FIFOs). A directory is answered with its {@code index.html} (404 if it has none: no listings);
 * a directory requested without the trailing slash gets <b>301</b> to the slash form (query kept), the Location
 * built from the checked segments, re-encoded, so it cannot become an open redirect ({@code //host}). A regular
 * file requested with a trailing slash is 404. Methods other than GET and HEAD are 405 with {@code Allow}.
 */
public final class StaticFiles {

    /** What a request path maps to. */
    public sealed interface Resolution permits Found, Redirect, NotFound {
    }

    /** A regular file (real path, all links resolved) and its attributes. */
    public record Found(Path file, BasicFileAttributes attributes) implements Resolution {
    }

    /** A directory asked for without its trailing slash. */
    public record Redirect(String location) implements Resolution {
    }

    public record NotFound() implements Resolution {
        static final NotFound INSTANCE = new NotFound();
    }

    static final String INDEX = "index.html";
    private static final String WELL_KNOWN = ".well-known";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String prefix;
    private final Path root;
    private final boolean serveHidden;
    private final FileResponder responder;
    private final FileCache cache;
    private volatile Path realRoot;
    /** Cache owner: equal for mounts of the same configuration, so a reconfiguration keeps the warm cache. */
    private final Mount mount;

    private record Mount(String prefix, Path root, boolean serveHidden, boolean precompressed) {
    }

    /** {@code dir} under {@code prefix}, hidden files refused, {@code .gz} variants on, no cache. */
    public StaticFiles(String prefix, Path dir) {
        this(prefix, dir, false, new FileResponder(true), null);
    }

    /**
     * @param prefix the URL path prefix, such as {@code /static} or {@code /static/} (the same), or {@code /}
     * @param dir the directory served
     * @param serveHidden serve names starting with a dot
     * @param responder answers with the file
     * @param cache null for none
     */
    public StaticFiles(String prefix, Path dir, boolean serveHidden, FileResponder responder, FileCache cache) {
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("a prefix starts with /: " + prefix);
        }
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        this.root = dir;
        this.serveHidden = serveHidden;
        this.responder = responder;
        this.cache = cache;
        this.mount = new Mount(this.prefix, dir, serveHidden, responder.precompressed());
    }

    public String prefix() {
        return prefix;
    }

    /**
     * Answers a request for the decoded {@code path} (under {@link #prefix()}).
     *
     * @throws HttpException 404 (not found or refused), 405 (method; {@code Allow} is set on the reply first)
     */
    public void serve(FileReply reply, String path, String rawQuery) throws IOException {
        String method = reply.requestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            reply.header("Allow", "GET, HEAD");
            throw new HttpException(405, "Method Not Allowed");
        }
        if (cache != null && relativeStart(path) >= 0) {
            FileEntry e = cache.lookup(mount, path);
            if (e != null) {
                responder.respond(reply, e);
                return;
            }
        }
        switch (resolve(path, rawQuery)) {
            case NotFound n -> {
                if (cache != null) {
                    cache.invalidate(path);
                }
                throw FileResponder.notFound();
            }
            case Redirect r -> {
                reply.status(301);
                reply.header("Location", r.location());
                reply.sendHead(0);
            }
            case Found f -> {
                if (cache == null) {
                    responder.respond(reply, f.file(), f.attributes());
                    return;
                }
                FileEntry e;
                try {
                    e = cache.load(mount, path, f.file(), f.attributes(), responder.precompressed());
                } catch (IOException | SecurityException ex) {
                    throw FileResponder.notFound();
                }
                responder.respond(reply, e);
            }
        }
    }

    /** Maps the decoded {@code path} to a file (see the class comment); {@code rawQuery} goes into redirects. */
    public Resolution resolve(String path, String rawQuery) {
        if (path.length() + 1 == prefix.length() && prefix.startsWith(path)) {
            Path dir = realRoot();
            return dir == null ? NotFound.INSTANCE : new Redirect(location(path.length(), path, rawQuery));
        }
        int start = relativeStart(path);
        Path base = realRoot();
        if (start < 0 || base == null) {
            return NotFound.INSTANCE;
        }
        int from = start;
        while (from < path.length() && path.charAt(from) == '/') {
            from++;
        }
        try {
            Path target = (from == path.length() ? base : base.resolve(path.substring(from))).toRealPath();
            if (!target.startsWith(base)) {
                return NotFound.INSTANCE;
            }
            BasicFileAttributes attrs = Files.readAttributes(target, BasicFileAttributes.class);
            if (attrs.isDirectory()) {
                if (!path.endsWith("/")) {
                    return new Redirect(location(start, path, rawQuery));
                }
                target = target.resolve(INDEX).toRealPath();
                if (!target.startsWith(base)) {
                    return NotFound.INSTANCE;
                }
                attrs = Files.readAttributes(target, BasicFileAttributes.class);
                return attrs.isRegularFile() ? new Found(target, attrs) : NotFound.INSTANCE;
            }
            if (attrs.isRegularFile() && !path.endsWith("/")) {
                return new Found(target, attrs);
            }
            return NotFound.INSTANCE;
        } catch (IOException | InvalidPathException | SecurityException e) {
            return NotFound.INSTANCE;
        }
    }

    /** Index of the part after the prefix if every segment there is acceptable, else -1. No allocation. */
    int relativeStart(String path) {
        if (!path.startsWith(prefix)) {
            return -1;
        }
        int start = prefix.length();
        int n = path.length();
        int segment = start;
        for (int i = start; i <= n; i++) {
            char c = i < n ? path.charAt(i) : '/';
            if (c == '/') {
                if (!acceptableSegment(path, segment, i)) {
                    return -1;
                }
                segment = i + 1;
            } else if (c < 0x20 || c == 0x7f || c == '\\') {
                return -1;
            }
        }
        return start;
    }

    private boolean acceptableSegment(String path, int from, int to) {
        int len = to - from;
        if (len == 0 || path.charAt(from) != '.') {
            return true;
        }
        if (len == 1 || (len == 2 && path.charAt(from + 1) == '.')) {
            return false;
        }
        return serveHidden || (len == WELL_KNOWN.length() && path.startsWith(WELL_KNOWN, from));
    }

    /** The root's real path, or null while it is not an existing directory. */
    private Path realRoot() {
        Path r = realRoot;
        if (r == null) {
            try {
                r = root.toRealPath();
                if (!Files.isDirectory(r)) {
                    return null;
                }
                realRoot = r;
            } catch (IOException | SecurityException e) {
                return null;
            }
        }
        return r;
    }

    /** prefix + the checked segments from {@code start}, percent-encoded, + "/" + query. */
    private String location(int start, String path, String rawQuery) {
        StringBuilder b = new StringBuilder(path.length() + 16);
        b.append(prefix, 0, prefix.length() - 1);
        int segment = start;
        for (int i = start; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > segment) {
                    b.append('/');
                    encodeSegment(path, segment, i, b);
                }
                segment = i + 1;
            }
        }
        b.append('/');
        if (rawQuery != null) {
            b.append('?').append(rawQuery);
        }
        return b.toString();
    }

    /** RFC 3986 pchar kept, everything else as UTF-8 %XX. */
    private static void encodeSegment(String path, int from, int to, StringBuilder b) {
        byte[] bytes = path.substring(from, to).getBytes(StandardCharsets.UTF_8);
        for (byte x : bytes) {
            int c = x & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
            if (keep) {
                b.append((char) c);
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }
}
