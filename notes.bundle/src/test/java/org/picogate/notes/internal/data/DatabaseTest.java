package org.picogate.notes.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/** The data helper against real SQLite files in a temporary folder. */
class DatabaseTest {

    @TempDir
    Path folder;

    @Test
    void opensAndCreatesTheFileWithItsMissingFolders() throws Exception {
        Path file = folder.resolve("data/deeper/test.db");
        try (Database db = Database.open(file)) {
            db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            assertThat(db.file()).isEqualTo(file);
        }
        assertThat(file).isRegularFile();
    }

    /** WAL, and every commit synced (synchronous FULL = 2): what the crash safety of the notes app rests on. */
    @Test
    void opensInWalModeWithEveryCommitSynced() throws Exception {
        try (Database db = Database.open(folder.resolve("t.db"))) {
            assertThat(db.queryFirst("PRAGMA journal_mode", row -> row.getString(1))).contains("wal");
            assertThat(db.queryFirst("PRAGMA synchronous", row -> row.getInt(1))).contains(2);
        }
    }

    @Test
    void insertReturnsTheKeyAndQueriesMapRows() throws Exception {
        try (Database db = Database.open(folder.resolve("t.db"))) {
            db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            long first = db.insert("INSERT INTO t (name) VALUES (?)", "one");
            long second = db.insert("INSERT INTO t (name) VALUES (?)", "two");
            assertThat(second).isEqualTo(first + 1);
            assertThat(db.query("SELECT name FROM t ORDER BY id", row -> row.getString(1))).containsExactly("one",
                    "two");
            assertThat(db.queryFirst("SELECT name FROM t WHERE id = ?", row -> row.getString(1), second))
                    .contains("two");
            assertThat(db.queryFirst("SELECT name FROM t WHERE id = ?", row -> row.getString(1), 999)).isEmpty();
            assertThat(db.update("UPDATE t SET name = ? WHERE id = ?", "uno", first)).isEqualTo(1);
            assertThat(db.update("DELETE FROM t WHERE id = ?", 999)).isZero();
        }
    }

    @Test
    void aCachedQuerySeesEveryWriteThroughTheDatabaseAtItsNextCall() throws Exception {
        try (Database db = Database.open(folder.resolve("t.db"))) {
            db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            CachedQuery<String> names = db.cachedQuery("SELECT name FROM t ORDER BY id", row -> row.getString(1));
            assertThat(names.rows()).isEmpty();
            long id = db.insert("INSERT INTO t (name) VALUES (?)", "one");
            List<String> afterInsert = names.rows();
            assertThat(afterInsert).containsExactly("one");
            assertThat(names.rows()).as("nothing written since: the rows kept").isSameAs(afterInsert);
            db.update("UPDATE t SET name = ? WHERE id = ?", "uno", id);
            assertThat(names.rows()).containsExactly("uno");
            db.execute("DELETE FROM t");
            assertThat(names.rows()).isEmpty();
            assertThatThrownBy(() -> names.rows().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    /** No write can bypass a cached query: while a Database is open, its file is locked for everyone else. */
    @Test
    void whileOpenTheFileIsItsAloneAndAfterwardsAnyonesAgain() throws Exception {
        Path file = folder.resolve("t.db");
        SQLiteConfig shell = new SQLiteConfig(); // another process, such as the sqlite3 shell
        shell.setBusyTimeout(100);
        try (Database db = Database.open(file)) {
            assertThat(db.queryFirst("PRAGMA locking_mode", row -> row.getString(1))).contains("exclusive");
            db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            db.insert("INSERT INTO t (name) VALUES (?)", "mine");
            try (Connection other = shell.createConnection("jdbc:sqlite:" + file)) {
                assertThatThrownBy(() -> other.createStatement().executeUpdate("INSERT INTO t (name) VALUES ('x')"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("locked");
                assertThatThrownBy(() -> other.createStatement().executeQuery("SELECT name FROM t"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("locked");
            }
        }
        try (Connection other = shell.createConnection("jdbc:sqlite:" + file);
                ResultSet rows = other.createStatement().executeQuery("SELECT name FROM t")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("mine");
        }
    }

    @Test
    void valuesAreBoundNeverPastedIntoTheSql() throws Exception {
        String hostile = "x'); DROP TABLE t; --";
        try (Database db = Database.open(folder.resolve("t.db"))) {
            db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            long id = db.insert("INSERT INTO t (name) VALUES (?)", hostile);
            assertThat(db.queryFirst("SELECT name FROM t WHERE id = ?", row -> row.getString(1), id))
                    .contains(hostile);
        }
    }

    @Test
    void moreDistinctStatementsThanItKeepsStillRun() throws Exception {
        try (Database db = Database.open(folder.resolve("t.db"))) {
            for (int i = 0; i < Database.MAX_STATEMENTS * 3; i++) {
                int n = i;
                assertThat(db.queryFirst("SELECT " + n + " + ?", row -> row.getInt(1), 1)).contains(n + 1);
            }
            // a kept statement, bound anew each time
            assertThat(db.queryFirst("SELECT 0 + ?", row -> row.getInt(1), 41)).contains(41);
            assertThat(db.queryFirst("SELECT 0 + ?", row -> row.getInt(1), 1)).contains(1);
        }
    }

    @Test
    void dataSurvivesClosingAndOpeningAgain() throws Exception {
        Path file = folder.resolve("t.db");
        try (Database db = Database.open(file)) {
            db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            db.insert("INSERT INTO t (name) VALUES (?)", "kept");
        }
        try (Database db = Database.open(file)) {
            assertThat(db.query("SELECT name FROM t", row -> row.getString(1))).containsExactly("kept");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAtOpenNamingIt() throws Exception {
        Path file = folder.resolve("notes.db");
        Files.writeString(file, "these are not the pages of a database, just text ".repeat(100),
                StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(SQLException.class)
                .hasMessageContaining("not a database SQLite can use").hasMessageContaining(file.toString());
    }

    @Test
    void aFolderThatCannotBeCreatedIsReported() throws Exception {
        Path blocker = Files.writeString(folder.resolve("data"), "a file where the folder should be");
        Path file = blocker.resolve("notes.db");
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(SQLException.class)
                .hasMessageContaining("cannot create the folder of the database " + file);
    }

    @Test
    void badSqlFailsWithTheDatabasesReasonAndTheConnectionStaysUsable() throws Exception {
        try (Database db = Database.open(folder.resolve("t.db"))) {
            assertThatThrownBy(() -> db.query("SELECT * FROM missing", row -> 1)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("no such table: missing");
            assertThatThrownBy(() -> db.update("INSERT INTO missing VALUES (?)", 1))
                    .isInstanceOf(SQLException.class);
            assertThat(db.query("SELECT 1 + 1", row -> row.getInt(1))).containsExactly(2);
        }
    }
}
