package org.picogate.notes.internal.data;

import java.sql.SQLException;
import java.util.List;

/**
 * A query whose mapped rows are kept between calls until the next write: {@link #rows()} reads them again only
 * if a statement that may write (execute, update, insert) ran through the {@link Database} since they were read.
 * No write can bypass it: the database holds its file exclusively (no other connection or process can open it
 * while it is open). So every call sees the file's current content, as a query each time would, while a page
 * shown again and again without changes in between costs no call into SQLite: listing ten notes through JDBC (a
 * native call per row and per value) was half of the list page's CPU, and even a {@code PRAGMA data_version}
 * check per call a sixth.
 *
 * <p>The rows are an unmodifiable list, shared by every caller until the next change: map them to immutable
 * values (records).
 */
public final class CachedQuery<T> {
    private final Database database;
    private final String sql;
    private final Database.RowMapper<T> mapper;
    // guarded by the database's lock
    private List<T> kept;
    private long writes;

    CachedQuery(Database database, String sql, Database.RowMapper<T> mapper) {
        this.database = database;
        this.sql = sql;
        this.mapper = mapper;
    }

    /** Every row the query returns now, mapped. */
    public List<T> rows() throws SQLException {
        return database.rows(this);
    }

    String sql() {
        return sql;
    }

    Database.RowMapper<T> mapper() {
        return mapper;
    }

    /** Whether rows are kept and were read after write number {@code writes} of the database. */
    boolean isCurrent(long writes) {
        return kept != null && writes == this.writes;
    }

    void keep(List<T> rows, long writes) {
        this.kept = rows;
        this.writes = writes;
    }

    List<T> kept() {
        return kept;
    }
}
