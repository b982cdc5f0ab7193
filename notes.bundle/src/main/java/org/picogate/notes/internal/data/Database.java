package org.picogate.notes.internal.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;

/**
 * A tiny data helper over one SQLite file (the role uorm plays for notes-pico): plain SQL, every value bound as a
 * parameter of a prepared statement, rows mapped by the caller. No ORM, no query building.
 *
 * <p>One connection, used by one task at a time: SQLite serialises writers anyway, and a JDBC call into its
 * native code pins the virtual thread to its carrier, so a {@link ReentrantLock} (which parks virtual threads
 * rather than pinning them while they wait) guards it. The connection is opened with {@link SQLiteConfig}, not
 * {@code DriverManager}, which cannot see a driver inside another bundle. The file is that connection's alone
 * while it is open ({@code locking_mode=EXCLUSIVE}): another process, the sqlite3 shell included, can open it once
 * this is closed, and every write goes through here, which is what {@link CachedQuery} relies on.
 */
public final class Database implements AutoCloseable {

    private static final Object[] NO_PARAMETERS = {};
    /** Statements kept at most; the notes table needs seven. */
    static final int MAX_STATEMENTS = 32;

    /** Maps the current row of a result set to a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * Statements by their SQL, prepared once: SQLite parses and plans a statement when it is prepared, which
     * was half of listing ten notes (19 µs a list with a fresh statement each time). Guarded by the lock.
     */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** Statements run through this object that may have written (execute, update, insert). Guarded by the lock. */
    private long writes;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (and creates, with its parent folders, if missing) the database file.
     *
     * @throws SQLException if the folder cannot be created or the file is not a database SQLite can open
     */
    public static Database open(Path file) throws SQLException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new SQLException("cannot create the folder of the database " + file + ": " + e, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL); // readers do not wait for a writer
        // FULL: a commit (the API's 201) is on disk before it returns, so it survives a power cut too, the common
        // crash of a gateway; NORMAL would survive only a process crash (kill -9) and cost 35 rather than 250 µs a
        // write here (README, "Crash safety"). Reads cost the same.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        // the file is this connection's alone while it is open: no other connection, no other process (the sqlite3
        // shell) can read or write it, so every write goes through this object, where CachedQuery sees it; and
        // SQLite takes its locks once instead of two fcntl calls around every statement (WAL without shared memory)
        config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        config.setBusyTimeout(5000); // a connection on its way out (the app restarting) makes us wait, not fail
        Database database = null;
        try {
            database = new Database(file, config.createConnection("jdbc:sqlite:" + file));
            // a file that is not a database may open without complaint: fail now, naming it, not at a query
            database.query("PRAGMA schema_version", row -> row.getInt(1));
        } catch (SQLException e) {
            if (database != null) {
                database.close();
            }
            throw new SQLException("not a database SQLite can use: " + file + " (" + e.getMessage() + ")", e);
        }
        return database;
    }

    public Path file() {
        return file;
    }

    /** Runs statements without parameters, such as a schema ({@code CREATE TABLE IF NOT EXISTS ...}). */
    public void execute(String sql) throws SQLException {
        lock.lock();
        try (Statement statement = connection.createStatement()) {
            writes++;
            statement.executeUpdate(sql);
        } finally {
            lock.unlock();
        }
    }

    /** Every row the query returns, mapped. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        lock.lock();
        try {
            return rows(sql, mapper, parameters);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A query without parameters whose rows, mapped, are kept until the next write: see {@link CachedQuery}.
     * Only for a query that reads nothing but this file (no {@code random()}, no {@code CURRENT_TIME}).
     */
    public <T> CachedQuery<T> cachedQuery(String sql, RowMapper<T> mapper) {
        return new CachedQuery<>(this, sql, mapper);
    }

    /**
     * The rows of {@code query}: those it keeps if nothing was written through this object since they were read
     * ({@link #writes}; the file is locked for every other connection), else read anew and kept. Under the lock,
     * so no write can fall between the check and the read.
     */
    <T> List<T> rows(CachedQuery<T> query) throws SQLException {
        lock.lock();
        try {
            if (!query.isCurrent(writes)) {
                query.keep(List.copyOf(rows(query.sql(), query.mapper(), NO_PARAMETERS)), writes);
            }
            return query.kept();
        } finally {
            lock.unlock();
        }
    }

    /** Every row the query returns, mapped. Under the lock. */
    private <T> List<T> rows(String sql, RowMapper<T> mapper, Object[] parameters) throws SQLException {
        try (ResultSet rows = prepare(sql, parameters).executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    /** The first row the query returns, mapped, or empty. */
    public <T> Optional<T> queryFirst(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        lock.lock();
        try (ResultSet rows = prepare(sql, parameters).executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    public int update(String sql, Object... parameters) throws SQLException {
        lock.lock();
        try {
            writes++;
            return prepare(sql, parameters).executeUpdate();
        } finally {
            lock.unlock();
        }
    }

    /** Runs an INSERT into a table with an {@code INTEGER PRIMARY KEY}; returns the new row's key. */
    public long insert(String sql, Object... parameters) throws SQLException {
        lock.lock();
        try {
            writes++;
            prepare(sql, parameters).executeUpdate();
            try (ResultSet key = prepare("SELECT last_insert_rowid()", NO_PARAMETERS).executeQuery()) {
                key.next();
                return key.getLong(1);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The statement for {@code sql}, prepared once and kept, with {@code parameters} bound. Under the lock. */
    private PreparedStatement prepare(String sql, Object[] parameters) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            if (statements.size() == MAX_STATEMENTS) {
                closeStatements(); // SQL built at run time would otherwise grow the cache without end
            }
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        statement.clearParameters();
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private void closeStatements() throws SQLException {
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
        } finally {
            statements.clear();
        }
    }

    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            closeStatements();
        } finally {
            try {
                connection.close();
            } finally {
                lock.unlock();
            }
        }
    }
}
