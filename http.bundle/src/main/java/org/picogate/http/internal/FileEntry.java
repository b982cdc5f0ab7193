package org.picogate.http.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A file ready to be served: its identity {@link Variant}, the optional pre-compressed {@code name.gz} variant, and
 * its content type, with every header value computed once. {@link FileCache} keeps these between requests;
 * without a cache one is built per request (content not loaded).
 *
 * <p><b>ETag policy</b>: strong, {@code "<size hex>-<mtime µs hex>"} (the gz variant adds {@code -gz}), like nginx's
 * size+mtime tag but with microsecond mtime. Strong so that {@code If-Range} works (RFC 9110 13.1.5 requires a
 * strong validator); the usual caveat of size+mtime tags applies: an edit that keeps both size and mtime is not
 * seen. <b>Last-Modified</b> is the variant's mtime in whole seconds, but never later than the time the entry is
 * built (RFC 9110 8.8.2; a file from the future, say after a clock fix, gets "now" and keeps its ETag).
 *
 * <p><b>Pre-compressed policy</b>: {@code name.gz} is used when it is a regular file in the same directory, not a
 * symbolic link (so it cannot lead out of the served root), and not older than {@code name}. Files whose name ends
 * in {@code .gz} get no variant.
 */
final class FileEntry {

    /** Memory charged per entry on top of its content (strings, paths, map node): keeps the cache bounded. */
    static final int OVERHEAD = 512;

    /** One representation on disk. {@code content} is the whole file when it is held in memory, else null. */
    record Variant(Path path, long size, long mtimeMicros, Object fileKey, String etag, String lastModified,
            long lastModifiedSeconds, byte[] content) {

        static Variant of(Path path, BasicFileAttributes attrs, boolean gz, byte[] content) {
            long size = attrs.size();
            long micros = attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS);
            // RFC 9110 8.8.2: never later than the server's time (a gateway's clock may lag behind the files')
            long seconds = Math.min(attrs.lastModifiedTime().to(TimeUnit.SECONDS),
                    System.currentTimeMillis() / 1000);
            String etag = '"' + Long.toHexString(size) + '-' + Long.toHexString(micros) + (gz ? "-gz\"" : "\"");
            return new Variant(path, size, micros, attrs.fileKey(), etag, HttpDates.format(seconds), seconds,
                    content);
        }

        /** Whether {@code attrs} (a fresh stat of {@link #path}) still describes this variant. */
        boolean unchanged(BasicFileAttributes attrs) {
            return attrs.isRegularFile() && attrs.size() == size
                    && attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS) == mtimeMicros
                    && Objects.equals(attrs.fileKey(), fileKey);
        }

        int contentLength() {
            return content == null ? 0 : content.length;
        }
    }

    final Variant identity;
    /** The usable {@code name.gz}, or null. */
    final Variant gz;
    /** Where a {@code name.gz} would be; null when pre-compressed variants are off or the name ends in .gz. */
    final Path gzPath;
    final String contentType;
    /** Who put the entry in the cache ({@link StaticFiles} instance), so one mount never serves another's entry. */
    final Object owner;
    /** When the entry was last known valid, on the cache's clock. */
    volatile long checkedAt;

    FileEntry(Variant identity, Variant gz, Path gzPath, String contentType, Object owner, long checkedAt) {
        this.identity = identity;
        this.gz = gz;
        this.gzPath = gzPath;
        this.contentType = contentType;
        this.owner = owner;
        this.checkedAt = checkedAt;
    }

    int charge() {
        return OVERHEAD + identity.contentLength() + (gz == null ? 0 : gz.contentLength());
    }

    /**
     * Builds the entry for the regular file {@code file} described by {@code attrs}.
     *
     * @param precompressed look for {@code name.gz}
     * @param maxContent load a variant's bytes into memory when its size is at most this (0: never)
     * @param previous an earlier entry whose loaded bytes are reused for an unchanged variant, or null
     */
    static FileEntry load(Path file, BasicFileAttributes attrs, boolean precompressed, int maxContent,
            FileEntry previous, Object owner, long now) throws IOException {
        Variant identity = variant(file, attrs, false, maxContent, previous == null ? null : previous.identity);
        Path gzPath = null;
        Variant gz = null;
        Path name = file.getFileName();
        if (precompressed && name != null && !name.toString().endsWith(".gz")) {
            gzPath = file.resolveSibling(name + ".gz");
            BasicFileAttributes gzAttrs = statGz(gzPath);
            if (gzAttrs != null && gzAttrs.lastModifiedTime().compareTo(attrs.lastModifiedTime()) >= 0) {
                gz = variant(gzPath, gzAttrs, true, maxContent, previous == null ? null : previous.gz);
            }
        }
        return new FileEntry(identity, gz, gzPath, ContentTypes.of(file), owner, now);
    }

    /** Attributes of a usable {@code .gz} sibling (a regular file, not a link), or null. */
    static BasicFileAttributes statGz(Path gzPath) {
        try {
            BasicFileAttributes a = Files.readAttributes(gzPath, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? a : null;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static Variant variant(Path path, BasicFileAttributes attrs, boolean gz, int maxContent,
            Variant previous) throws IOException {
        if (previous != null && previous.path.equals(path) && previous.unchanged(attrs)) {
            return previous;
        }
        byte[] content = null;
        if (attrs.size() <= maxContent) {
            content = Files.readAllBytes(path);
            if (content.length != attrs.size()) {
                content = null; // changing under us: serve it from disk this time
            }
        }
        return Variant.of(path, attrs, gz, content);
    }
}
