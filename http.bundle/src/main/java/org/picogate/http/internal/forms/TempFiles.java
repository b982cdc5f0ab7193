package org.picogate.http.internal.forms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** The temporary files of one connection's current request (uploads), deleted together when it ends. */
public final class TempFiles {
    private static final System.Logger LOG = System.getLogger("org.picogate.http");

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Path> files = new ArrayList<>(2);

    /** A new empty file in {@code dir} ({@code null}: the system's temporary directory), to be deleted later. */
    public Path create(Path dir) throws IOException {
        Path file = dir == null ? Files.createTempFile("picogate-upload-", ".part")
                : Files.createTempFile(dir, "picogate-upload-", ".part");
        lock.lock();
        try {
            files.add(file);
        } finally {
            lock.unlock();
        }
        return file;
    }

    /** Deletes every file created so far; a file that cannot be deleted is logged, not thrown. */
    public void deleteAll() {
        List<Path> doomed;
        lock.lock();
        try {
            if (files.isEmpty()) {
                return;
            }
            doomed = List.copyOf(files);
            files.clear();
        } finally {
            lock.unlock();
        }
        for (Path file : doomed) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not delete the upload " + file + ": " + e);
            }
        }
    }

    /** Files not deleted yet. */
    public int size() {
        lock.lock();
        try {
            return files.size();
        } finally {
            lock.unlock();
        }
    }
}
