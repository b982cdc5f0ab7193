package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCacheTest {

    private static final Object OWNER = new Object();
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;
    final AtomicLong now = new AtomicLong(1_000 * MS);

    private Path file(String name, int size) throws IOException {
        Path f = dir.resolve(name);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        Files.write(f, b);
        Files.setLastModifiedTime(f, FileTime.from(1_700_000_000L, TimeUnit.SECONDS));
        return f;
    }

    private FileEntry load(FileCache cache, String key, Path f) throws IOException {
        return cache.load(OWNER, key, f, Files.readAttributes(f, BasicFileAttributes.class), true);
    }

    private FileCache cache(long total, int perFile, long validMillis) {
        return new FileCache(now::get, total, perFile, validMillis);
    }

    @Test
    void smallFilesAreHeldInMemoryAndHitWithoutDisk() throws IOException {
        FileCache cache = cache(1 << 20, 64 << 10, 1000);
        Path f = file("page.html", 12_000);
        FileEntry e = load(cache, "/page.html", f);
        assertThat(e.identity.content()).hasSize(12_000);
        assertThat(e.contentType).isEqualTo("text/html; charset=utf-8");
        Files.delete(f); // within the window the disk is not consulted
        assertThat(cache.lookup(OWNER, "/page.html")).isSameAs(e);
        assertThat(cache.stats()).isEqualTo(new FileCache.Stats(1, 12_000 + FileEntry.OVERHEAD, 1, 0));
    }

    @Test
    void largerFilesAreCachedAsMetadataOnly() throws IOException {
        FileCache cache = cache(1 << 20, 1000, 1000);
        FileEntry e = load(cache, "/big.bin", file("big.bin", 1001));
        assertThat(e.identity.content()).isNull();
        assertThat(e.identity.size()).isEqualTo(1001);
        assertThat(cache.lookup(OWNER, "/big.bin")).isSameAs(e);
        assertThat(cache.stats().bytes()).isEqualTo(FileEntry.OVERHEAD);
    }

    @Test
    void entriesExpireAfterTheValidityWindowOnTheClock() throws IOException {
        FileCache cache = cache(1 << 20, 64 << 10, 1000);
        Path f = file("a.txt", 10);
        FileEntry first = load(cache, "/a.txt", f);
        now.addAndGet(999 * MS);
        assertThat(cache.lookup(OWNER, "/a.txt")).isSameAs(first);
        now.addAndGet(MS);
        assertThat(cache.lookup(OWNER, "/a.txt")).isNull();
        // unchanged on disk: the reload keeps the bytes already in memory
        FileEntry second = load(cache, "/a.txt", f);
        assertThat(second).isNotSameAs(first);
        assertThat(second.identity).isSameAs(first.identity);
        assertThat(cache.lookup(OWNER, "/a.txt")).isSameAs(second);
        assertThat(cache.stats().entries()).isEqualTo(1);
        assertThat(cache.stats().bytes()).isEqualTo(10 + FileEntry.OVERHEAD);
    }

    @Test
    void changedFileIsReloadedAfterTheWindow() throws IOException {
        FileCache cache = cache(1 << 20, 64 << 10, 1000);
        Path f = file("a.txt", 10);
        load(cache, "/a.txt", f);
        Files.writeString(f, "changed!");
        now.addAndGet(1000 * MS);
        assertThat(cache.lookup(OWNER, "/a.txt")).isNull();
        assertThat(new String(load(cache, "/a.txt", f).identity.content())).isEqualTo("changed!");
    }

    @Test
    void zeroWindowChecksSizeMtimeAndInodeOnEveryLookup() throws IOException {
        FileCache cache = cache(1 << 20, 64 << 10, 0);
        Path f = file("a.txt", 10);
        FileEntry e = load(cache, "/a.txt", f);
        assertThat(cache.lookup(OWNER, "/a.txt")).isSameAs(e);
        // same size and mtime, another file (inode) in its place
        Path other = file("other.txt", 10);
        Files.move(other, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(cache.lookup(OWNER, "/a.txt")).isNull();
        assertThat(cache.stats().entries()).isZero();
        e = load(cache, "/a.txt", f);
        Files.setLastModifiedTime(f, FileTime.from(1_700_000_001L, TimeUnit.SECONDS));
        assertThat(cache.lookup(OWNER, "/a.txt")).isNull();
        e = load(cache, "/a.txt", f);
        Files.delete(f);
        assertThat(cache.lookup(OWNER, "/a.txt")).isNull();
    }

    @Test
    void zeroWindowNoticesANewGzip() throws IOException {
        FileCache cache = cache(1 << 20, 64 << 10, 0);
        Path f = file("a.js", 100);
        FileEntry e = load(cache, "/a.js", f);
        assertThat(e.gz).isNull();
        assertThat(cache.lookup(OWNER, "/a.js")).isSameAs(e);
        Path gz = file("a.js.gz", 20);
        assertThat(cache.lookup(OWNER, "/a.js")).isNull();
        FileEntry withGz = load(cache, "/a.js", f);
        assertThat(withGz.gz.content()).hasSize(20);
        assertThat(cache.lookup(OWNER, "/a.js")).isSameAs(withGz);
        Files.delete(gz);
        assertThat(cache.lookup(OWNER, "/a.js")).isNull();
    }

    @Test
    void totalBytesAreBoundedLeastRecentlyUsedFirst() throws IOException {
        int per = 1000 + FileEntry.OVERHEAD;
        FileCache cache = cache(3L * per, 64 << 10, 60_000);
        Path a = file("a", 1000);
        Path b = file("b", 1000);
        Path c = file("c", 1000);
        Path d = file("d", 1000);
        load(cache, "a", a);
        load(cache, "b", b);
        load(cache, "c", c);
        assertThat(cache.lookup(OWNER, "a")).isNotNull(); // a is now the most recently used
        load(cache, "d", d);
        assertThat(cache.stats().entries()).isEqualTo(3);
        assertThat(cache.stats().bytes()).isEqualTo(3L * per);
        assertThat(cache.lookup(OWNER, "b")).isNull();
        assertThat(cache.lookup(OWNER, "a")).isNotNull();
        assertThat(cache.lookup(OWNER, "c")).isNotNull();
        assertThat(cache.lookup(OWNER, "d")).isNotNull();
    }

    @Test
    void perFileMaxIsCappedByTheTotal() throws IOException {
        FileCache cache = cache(FileEntry.OVERHEAD + 100, 64 << 10, 60_000);
        FileEntry big = load(cache, "big", file("big", 500));
        assertThat(big.identity.content()).isNull(); // too big for the whole cache: metadata only
        assertThat(cache.lookup(OWNER, "big")).isSameAs(big);
        FileEntry small = load(cache, "small", file("small", 100));
        assertThat(small.identity.content()).hasSize(100);
        assertThat(cache.stats().bytes()).isLessThanOrEqualTo(FileEntry.OVERHEAD + 100);
    }

    @Test
    void anEntryTooBigToKeepDropsItsPredecessor() throws IOException {
        FileCache cache = cache(FileEntry.OVERHEAD + 150, 64 << 10, 60_000);
        Path f = file("a.js", 100);
        load(cache, "/a.js", f);
        assertThat(cache.stats().entries()).isEqualTo(1);
        file("a.js.gz", 100); // identity + gz no longer fit together
        FileEntry both = load(cache, "/a.js", f);
        assertThat(both.gz).isNotNull();
        assertThat(cache.lookup(OWNER, "/a.js")).isNull();
        assertThat(cache.stats().entries()).isZero();
        assertThat(cache.stats().bytes()).isZero();
    }

    @Test
    void gzipVariantCountsTowardsTheBound() throws IOException {
        FileCache cache = cache(1 << 20, 64 << 10, 60_000);
        Path f = file("app.js", 3000);
        file("app.js.gz", 700);
        FileEntry e = load(cache, "/app.js", f);
        assertThat(e.gz).isNotNull();
        assertThat(cache.stats().bytes()).isEqualTo(3700 + FileEntry.OVERHEAD);
    }

    @Test
    void anEntryServesOnlyItsOwner() throws IOException {
        FileCache cache = cache(1 << 20, 64 << 10, 60_000);
        load(cache, "/a", file("a", 10));
        assertThat(cache.lookup(new Object(), "/a")).isNull();
        assertThat(cache.lookup(OWNER, "/a")).isNotNull();
    }

    @Test
    void invalidateAndClear() throws IOException {
        FileCache cache = cache(1 << 20, 64 << 10, 60_000);
        load(cache, "/a", file("a", 10));
        load(cache, "/b", file("b", 10));
        cache.invalidate("/a");
        assertThat(cache.lookup(OWNER, "/a")).isNull();
        assertThat(cache.stats().entries()).isEqualTo(1);
        cache.clear();
        assertThat(cache.stats().entries()).isZero();
        assertThat(cache.stats().bytes()).isZero();
    }

    @Test
    void zeroTotalCachesNothing() throws IOException {
        FileCache cache = cache(0, 64 << 10, 60_000);
        FileEntry e = load(cache, "/a", file("a", 10));
        assertThat(e.identity.content()).isNull();
        assertThat(cache.lookup(OWNER, "/a")).isNull();
    }
}
