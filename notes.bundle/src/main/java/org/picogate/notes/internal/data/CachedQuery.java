package org.picogate.notes.internal.data;

import java.sql.SQLException;
import java.util.List;

/**
 * A query whose mapped rows are kept between calls until the database file changes: {@link #rows()} checks that
 * nothing was written since they were read (through the {@link Database}, or by any other connection to the file,
 * another process's included) and reads them again if something was. So every call sees the file's current
 * content, as a query each time would, but a page shown again and again without changes in between costs one
 * {@code PRAGMA data_version} instead of the query: listing ten notes through JDBC (a native call per row and per
 * value) was a third of the list page's CPU.
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
    private long othersVersion;

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

    boolean isCurrent(long writes, long othersVersion) {
        return kept != null && writes == this.writes && othersVersion == this.othersVersion;
    }

    void keep(List<T> rows, long writes, long othersVersion) {
        this.kept = rows;
        this.writes = writes;
        this.othersVersion = othersVersion;
    }

    List<T> kept() {
        return kept;
    }
}
