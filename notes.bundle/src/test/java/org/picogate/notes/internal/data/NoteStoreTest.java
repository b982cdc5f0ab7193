package org.picogate.notes.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notes table over a real SQLite file; times from a clock the test sets. */
class NoteStoreTest {

    /** A wall clock that moves only when told to. */
    static final class SettableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @TempDir
    Path folder;

    private final SettableClock clock = new SettableClock();
    private Database database;
    private NoteStore store;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(folder.resolve("notes.db"));
        store = NoteStore.open(database, clock);
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void addsFindsUpdatesAndDeletesANote() throws Exception {
        Note added = store.add(new NoteDraft("Shopping", "milk\neggs"));
        assertThat(added.title()).isEqualTo("Shopping");
        assertThat(added.created()).isEqualTo(clock.now).isEqualTo(added.updated());
        assertThat(store.find(added.id())).contains(added);

        Instant created = clock.now;
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        Note changed = store.update(added.id(), new NoteDraft("Shopping list", "milk")).orElseThrow();
        assertThat(changed).isEqualTo(new Note(added.id(), "Shopping list", "milk", created, clock.now));

        assertThat(store.delete(added.id())).isTrue();
        assertThat(store.find(added.id())).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void listsTheMostRecentlyChangedFirst() throws Exception {
        Note a = store.add(new NoteDraft("a", ""));
        clock.now = clock.now.plusSeconds(1);
        Note b = store.add(new NoteDraft("b", ""));
        clock.now = clock.now.plusSeconds(1);
        store.update(a.id(), new NoteDraft("a again", ""));
        assertThat(store.list()).extracting(Note::id).containsExactly(a.id(), b.id());
        assertThat(store.summaries()).containsExactly(new NoteSummary(a.id(), "a again", clock.now),
                new NoteSummary(b.id(), "b", b.updated()));
    }

    @Test
    void theSummariesShowEveryChangeAtTheNextCall() throws Exception {
        assertThat(store.summaries()).isEmpty();
        Note a = store.add(new NoteDraft("a", ""));
        assertThat(store.summaries()).extracting(NoteSummary::title).containsExactly("a");
        clock.now = clock.now.plusSeconds(1);
        Note b = store.add(new NoteDraft("b", ""));
        assertThat(store.summaries()).extracting(NoteSummary::title).containsExactly("b", "a");
        clock.now = clock.now.plusSeconds(1);
        store.update(a.id(), new NoteDraft("a again", ""));
        assertThat(store.summaries()).extracting(NoteSummary::title).containsExactly("a again", "b");
        store.delete(b.id());
        assertThat(store.summaries()).containsExactly(new NoteSummary(a.id(), "a again", clock.now));
    }

    @Test
    void unknownIdsChangeNothing() throws Exception {
        Note kept = store.add(new NoteDraft("kept", "x"));
        assertThat(store.find(kept.id() + 1)).isEmpty();
        assertThat(store.update(kept.id() + 1, new NoteDraft("other", ""))).isEmpty();
        assertThat(store.delete(kept.id() + 1)).isFalse();
        assertThat(store.list()).containsExactly(kept);
    }

    @Test
    void theIdOfADeletedNoteIsNeverGivenAgain() throws Exception {
        Note first = store.add(new NoteDraft("first", ""));
        store.delete(first.id());
        assertThat(store.add(new NoteDraft("second", "")).id()).isGreaterThan(first.id());
    }

    @Test
    void theTableRefusesAnEmptyTitleEvenWhenNoOneCheckedTheDraft() {
        assertThatThrownBy(() -> store.add(new NoteDraft("   ", "text"))).isInstanceOf(SQLException.class)
                .hasMessageContaining("CHECK constraint failed");
    }

    @Test
    void notesAndSchemaSurviveReopening() throws Exception {
        Note note = store.add(new NoteDraft("persistent", "ü € 🙂 <b>"));
        database.close();
        database = Database.open(folder.resolve("notes.db"));
        store = NoteStore.open(database, clock); // CREATE TABLE IF NOT EXISTS: no harm on an existing file
        assertThat(store.list()).containsExactly(note);
    }
}
