package org.picogate.notes.internal.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Puts SQLite's native library for this machine where sqlite-jdbc loads it from, before the first connection.
 *
 * <p>Left to itself, sqlite-jdbc copies the library (1.1 MB) out of its jar into {@code java.io.tmpdir} under a
 * new random name at every start, then reads the copy back against the original one byte at a time: 80 of the
 * gateway's 770 ms from launch to the first page, most of it that comparison. A process that is killed leaves its
 * copy there for good, with a lock file that keeps sqlite-jdbc's own clean-up away from it (on a device whose
 * {@code /tmp} is in RAM, 1.1 MB of memory per crash). Here the library is copied once into a folder of ours (the
 * notes bundle's data area, which the framework empties with its cache), to a temporary name moved into place, so
 * a half-written copy is never loaded; sqlite-jdbc is then told where it is with its documented system properties
 * {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}, which it tries before extracting.
 *
 * <p>Nothing is done when those properties are set already (by the user, or by an earlier start of the app in
 * this JVM: the library stays loaded as long as sqlite-jdbc's bundle is), or when the jar holds no library for this
 * machine (sqlite-jdbc says so itself at the first connection). If the folder named there is gone later or its
 * library cannot be loaded again (a new revision of the sqlite-jdbc bundle: the JVM loads a library file into one
 * class loader only), sqlite-jdbc goes back to its own extraction.
 */
public final class SqliteNativeLibrary {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /**
     * Copies the library into {@code folder} (in a sub-folder named after sqlite-jdbc's version) unless it is there,
     * and points sqlite-jdbc to it.
     *
     * @return the library file, or {@code null} if nothing was done (properties set already, no library for this
     *     machine)
     * @throws IOException if the library cannot be copied; sqlite-jdbc then extracts it as it would without us
     */
    public static Path provide(Path folder) throws IOException {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return null;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        Path library = folder.resolve(SQLiteJDBCLoader.getVersion()).resolve(name);
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            if (!Files.isRegularFile(library)) {
                Files.createDirectories(library.getParent());
                Path partial = Files.createTempFile(library.getParent(), name, ".partial");
                try {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
        }
        System.setProperty(PATH_PROPERTY, library.getParent().toString());
        System.setProperty(NAME_PROPERTY, name);
        return library;
    }
}
