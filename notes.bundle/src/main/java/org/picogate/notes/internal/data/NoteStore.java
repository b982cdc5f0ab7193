package org.picogate.notes.internal.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code notes} table: plain SQL through {@link Database}. Drafts are checked by the caller
 * ({@link NoteDraft#problems}); the table's CHECK still refuses an empty title, so no path stores one.
 */
public final class NoteStore {

    // AUTOINCREMENT: the id of a deleted note is never given to a new one, so an old link cannot show another note
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS notes (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                content TEXT NOT NULL,
                created INTEGER NOT NULL,
                updated INTEGER NOT NULL
            )""";
    private static final String COLUMNS = "id, title, content, created, updated";

    private final Database database;
    private final Clock clock;
    /** The list page's query, shown at every load and changed far less often: kept until the file changes. */
    private final CachedQuery<NoteSummary> summaries;

    private NoteStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.summaries = database.cachedQuery("SELECT id, title, updated FROM notes ORDER BY updated DESC, id DESC",
                row -> new NoteSummary(row.getLong(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3))));
    }

    /** The store over {@code database}, creating the table if it is missing; times come from {@code clock}. */
    public static NoteStore open(Database database, Clock clock) throws SQLException {
        database.execute(SCHEMA);
        return new NoteStore(database, clock);
    }

    /** Every note, the most recently changed first. */
    public List<Note> list() throws SQLException {
        return database.query("SELECT " + COLUMNS + " FROM notes ORDER BY updated DESC, id DESC", NoteStore::note);
    }

    /**
     * Id, title and time of change of every note, in the order of {@link #list()}; without the texts. The file's
     * current content, read again only when it changed since the last call ({@link CachedQuery}); unmodifiable.
     */
    public List<NoteSummary> summaries() throws SQLException {
        return summaries.rows();
    }

    public Optional<Note> find(long id) throws SQLException {
        return database.queryFirst("SELECT " + COLUMNS + " FROM notes WHERE id = ?", NoteStore::note, id);
    }

    /** Stores a new note; returns it with its id and times. */
    public Note add(NoteDraft draft) throws SQLException {
        long now = clock.millis();
        long id = database.insert("INSERT INTO notes (title, content, created, updated) VALUES (?, ?, ?, ?)",
                draft.title(), draft.content(), now, now);
        Instant at = Instant.ofEpochMilli(now);
        return new Note(id, draft.title(), draft.content(), at, at);
    }

    /** Replaces the title and text of note {@code id}; empty if there is no such note. */
    public Optional<Note> update(long id, NoteDraft draft) throws SQLException {
        int changed = database.update("UPDATE notes SET title = ?, content = ?, updated = ? WHERE id = ?",
                draft.title(), draft.content(), clock.millis(), id);
        return changed == 0 ? Optional.empty() : find(id);
    }

    /** Deletes note {@code id}; false if there was none. */
    public boolean delete(long id) throws SQLException {
        return database.update("DELETE FROM notes WHERE id = ?", id) > 0;
    }

    private static Note note(ResultSet row) throws SQLException {
        // by position, in the order of COLUMNS: a lookup by name searches the column names for every value
        return new Note(row.getLong(1), row.getString(2), row.getString(3), Instant.ofEpochMilli(row.getLong(4)),
                Instant.ofEpochMilli(row.getLong(5)));
    }
}
