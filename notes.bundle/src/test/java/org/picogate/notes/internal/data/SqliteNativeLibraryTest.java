package org.picogate.notes.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Our copy of SQLite's native library: made once, whole, only when sqlite-jdbc is not told otherwise; and in a JVM
 * of its own, that sqlite-jdbc then loads it from there and leaves nothing in the temporary folder.
 */
class SqliteNativeLibraryTest {

    @TempDir
    Path folder;

    private String savedPath;
    private String savedName;

    @BeforeEach
    void clearProperties() {
        savedPath = System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        savedName = System.clearProperty(SqliteNativeLibrary.NAME_PROPERTY);
    }

    @AfterEach
    void restoreProperties() {
        restore(SqliteNativeLibrary.PATH_PROPERTY, savedPath);
        restore(SqliteNativeLibrary.NAME_PROPERTY, savedName);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void copiesTheLibraryOnceAndPointsSqliteJdbcToIt() throws Exception {
        Path library = SqliteNativeLibrary.provide(folder);

        assertThat(library).isNotNull().isRegularFile();
        assertThat(library.getFileName()).hasToString(LibraryLoaderUtil.getNativeLibName());
        assertThat(library.getParent().getFileName()).hasToString(SQLiteJDBCLoader.getVersion());
        assertThat(Files.readAllBytes(library)).isEqualTo(resourceBytes());
        assertThat(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY)).isEqualTo(library.getParent().toString());
        assertThat(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY)).isEqualTo(LibraryLoaderUtil.getNativeLibName());
        try (Stream<Path> files = Files.list(library.getParent())) {
            assertThat(files).containsExactly(library); // no partial copy left beside it
        }

        // set now: nothing more to do in this JVM
        assertThat(SqliteNativeLibrary.provide(folder)).isNull();

        // a later start with the folder kept (a framework whose cache is kept) reuses the copy
        System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        System.clearProperty(SqliteNativeLibrary.NAME_PROPERTY);
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, written);
        assertThat(SqliteNativeLibrary.provide(folder)).isEqualTo(library);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(written);
    }

    @Test
    void leavesALibraryPathSetByTheUserAlone() throws Exception {
        System.setProperty(SqliteNativeLibrary.PATH_PROPERTY, "/opt/sqlite");

        assertThat(SqliteNativeLibrary.provide(folder)).isNull();

        assertThat(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY)).isEqualTo("/opt/sqlite");
        assertThat(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY)).isNull();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    /** A folder that cannot be made: the error says why, and sqlite-jdbc is left to extract the library itself. */
    @Test
    void failsWithoutPointingSqliteJdbcAnywhereWhenTheCopyCannotBeMade() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");

        assertThatThrownBy(() -> SqliteNativeLibrary.provide(notAFolder)).isInstanceOf(IOException.class);

        assertThat(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY)).isNull();
        assertThat(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY)).isNull();
    }

    /**
     * In a fresh JVM (sqlite-jdbc loads its library once per JVM): with our copy the database opens and the temporary
     * folder stays empty; without it sqlite-jdbc leaves its own copy there, which shows the check can fail.
     */
    @Test
    void sqliteJdbcLoadsOurCopyAndLeavesNothingInTheTemporaryFolder() throws Exception {
        Path withCopy = Files.createDirectories(folder.resolve("tmp-with"));
        assertThat(runOpen(withCopy, true)).contains("opened, sqlite files in tmp: []");
        assertThat(sqliteFiles(withCopy)).isEmpty();

        Path without = Files.createDirectories(folder.resolve("tmp-without"));
        assertThat(runOpen(without, false)).contains("opened, sqlite files in tmp: [sqlite-");
    }

    private String runOpen(Path tmp, boolean provide) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), OpenWithOurCopy.class.getName(),
                folder.resolve("native").toString(), folder.resolve(provide + ".db").toString(),
                String.valueOf(provide))
                .redirectErrorStream(true)
                .start();
        // the child is still running while tmp is listed only if this times out, which fails the test
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** sqlite-jdbc's copies (and their lock files) in a temporary folder. */
    static List<String> sqliteFiles(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("sqlite-"))
                    .sorted().toList();
        }
    }

    private static byte[] resourceBytes() throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    /**
     * The child JVM: copies the library (or not), opens a database, then lists sqlite-jdbc's files in the temporary
     * folder while it runs (it deletes its copy when the JVM exits normally; only a killed one leaves it behind).
     */
    public static final class OpenWithOurCopy {
        public static void main(String[] args) throws Exception {
            if (Boolean.parseBoolean(args[2])) {
                SqliteNativeLibrary.provide(Path.of(args[0]));
            }
            try (Database db = Database.open(Path.of(args[1]))) {
                db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            }
            System.out.println("opened, sqlite files in tmp: "
                    + sqliteFiles(Path.of(System.getProperty("java.io.tmpdir"))));
        }
    }
}
