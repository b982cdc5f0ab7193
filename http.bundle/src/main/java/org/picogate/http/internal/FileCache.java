package org.picogate.http.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.scheduler.Clock;

/**
 * An in-memory cache of served files, like nginx's {@code open_file_cache}: for each request path it remembers where
 * the file is (after the path and symlink checks), its header values (ETag, Last-Modified, Content-Type, pre-encoded
 * once) and, for files of at most {@code maxFileBytes}, their bytes. A hit costs no system call and no allocation.
 *
 * <p><b>Bounds</b>: the sum of cached bytes plus {@link FileEntry#OVERHEAD} per entry stays at most
 * {@code maxTotalBytes}; the least recently used entries are dropped to make room. Larger files are cached as
 * metadata only and sent from disk ({@code transferFrom}).
 *
 * <p><b>Revalidation</b>, with {@code validMillis} on the scheduler clock:
 * <ul>
 * <li>{@code validMillis > 0}: an entry is trusted that long after it was last checked, then the next request for it
 * goes through the full path resolution again ({@code toRealPath}, containment, stat) and reuses the cached bytes
 * if size, mtime and file key (inode) are unchanged. A file edited in place is thus seen within
 * {@code validMillis}, and so is a retargeted symlink or a new/removed {@code .gz}.</li>
 * <li>{@code validMillis == 0}: every request makes a cheap {@code stat} of the resolved file (and an
 * {@code lstat} of its {@code .gz} sibling) and compares size, mtime and file key; any change drops the entry and
 * the request resolves afresh. The request-path → file mapping itself is not re-resolved while the file is
 * unchanged (the file key makes sure the stat still sees the very file that passed the checks).</li>
 * </ul>
 * Keys are request paths; an entry records its owner (a {@link StaticFiles} mount's configuration: prefix, root,
 * policies) and is only served to an equal owner, so two mounts never see each other's files while a remount with
 * the same configuration keeps the warm entries.
 */
public final class FileCache {

    /** Suggested defaults for the configuration. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_FILE_BYTES = 64 << 10;
    public static final long DEFAULT_VALID_MILLIS = 1000;

    private final Clock clock;
    private final long maxTotalBytes;
    private final int maxFileBytes;
    private final long validNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, FileEntry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long totalBytes;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * @param clock the scheduler's clock
     * @param maxTotalBytes bound on cached bytes including per-entry overhead
     * @param maxFileBytes a file's bytes are kept in memory when it is at most this big
     * @param validMillis how long an entry is trusted without looking at the disk (0: a stat per request)
     */
    public FileCache(Clock clock, long maxTotalBytes, int maxFileBytes, long validMillis) {
        if (maxTotalBytes < 0 || maxFileBytes < 0 || validMillis < 0) {
            throw new IllegalArgumentException("negative cache limit");
        }
        this.clock = clock;
        this.maxTotalBytes = maxTotalBytes;
        this.maxFileBytes = (int) Math.min(maxFileBytes, Math.max(0, maxTotalBytes - FileEntry.OVERHEAD));
        this.validNanos = TimeUnit.MILLISECONDS.toNanos(validMillis);
    }

    /**
     * The entry for {@code key} put by {@code owner} if it is still valid (see the class comment), else null: then
     * the caller resolves the path and calls {@link #load}.
     */
    FileEntry lookup(Object owner, String key) {
        long now = clock.nanoTime();
        FileEntry e;
        lock.lock();
        try {
            e = entries.get(key);
            if (e == null || !sameOwner(e, owner) || (validNanos > 0 && now - e.checkedAt >= validNanos)) {
                misses.increment();
                return null;
            }
        } finally {
            lock.unlock();
        }
        if (validNanos == 0) {
            if (!unchangedOnDisk(e)) {
                remove(key, e);
                misses.increment();
                return null;
            }
            e.checkedAt = now;
        }
        hits.increment();
        return e;
    }

    /**
     * Caches (or refreshes) {@code key} → the resolved regular file {@code file} with its fresh attributes; reuses
     * the bytes of the previous entry for an unchanged variant.
     */
    FileEntry load(Object owner, String key, Path file, BasicFileAttributes attrs, boolean precompressed)
            throws IOException {
        FileEntry previous;
        lock.lock();
        try {
            previous = entries.get(key);
        } finally {
            lock.unlock();
        }
        if (previous != null && !sameOwner(previous, owner)) {
            previous = null;
        }
        FileEntry e = FileEntry.load(file, attrs, precompressed, maxFileBytes, previous, owner, clock.nanoTime());
        int charge = e.charge();
        if (charge > maxTotalBytes) {
            invalidate(key); // served, not kept; and no stale predecessor left behind
            return e;
        }
        lock.lock();
        try {
            FileEntry old = entries.put(key, e);
            if (old != null) {
                totalBytes -= old.charge();
            }
            totalBytes += charge;
            Iterator<Map.Entry<String, FileEntry>> it = entries.entrySet().iterator();
            while (totalBytes > maxTotalBytes && it.hasNext()) {
                Map.Entry<String, FileEntry> eldest = it.next();
                if (eldest.getValue() != e) {
                    totalBytes -= eldest.getValue().charge();
                    it.remove();
                }
            }
        } finally {
            lock.unlock();
        }
        return e;
    }

    /** Forgets {@code key} (for example when it no longer resolves). */
    void invalidate(String key) {
        lock.lock();
        try {
            FileEntry old = entries.remove(key);
            if (old != null) {
                totalBytes -= old.charge();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops every entry. */
    public void clear() {
        lock.lock();
        try {
            entries.clear();
            totalBytes = 0;
        } finally {
            lock.unlock();
        }
    }

    /** A snapshot for tests and stats. */
    public record Stats(int entries, long bytes, long hits, long misses) {
    }

    public Stats stats() {
        lock.lock();
        try {
            return new Stats(entries.size(), totalBytes, hits.sum(), misses.sum());
        } finally {
            lock.unlock();
        }
    }

    private static boolean sameOwner(FileEntry e, Object owner) {
        return e.owner == owner || (e.owner != null && e.owner.equals(owner));
    }

    private void remove(String key, FileEntry e) {
        lock.lock();
        try {
            if (entries.remove(key, e)) {
                totalBytes -= e.charge();
            }
        } finally {
            lock.unlock();
        }
    }

    private static boolean unchangedOnDisk(FileEntry e) {
        try {
            if (!e.identity.unchanged(Files.readAttributes(e.identity.path(), BasicFileAttributes.class))) {
                return false;
            }
        } catch (IOException | SecurityException ex) {
            return false;
        }
        if (e.gzPath == null) {
            return true;
        }
        BasicFileAttributes gz = FileEntry.statGz(e.gzPath);
        if (e.gz == null) {
            // a new .gz counts only if it would be used (not older than the file)
            return gz == null || gz.lastModifiedTime().to(TimeUnit.MICROSECONDS) < e.identity.mtimeMicros();
        }
        return gz != null && e.gz.unchanged(gz);
    }
}
