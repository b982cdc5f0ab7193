package org.picogate.notes.internal.data;

import java.time.Instant;

/** What the list page shows of a note: not its text, which may be long. */
public record NoteSummary(long id, String title, Instant updated) {
}
