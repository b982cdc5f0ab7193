package org.picogate.notes.internal.data;

import java.time.Instant;

/** One stored note; times to the millisecond, as stored. */
public record Note(long id, String title, String content, Instant created, Instant updated) {
}
