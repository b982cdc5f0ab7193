package org.picogate.notes.internal;

import java.util.OptionalLong;

import org.picogate.http.Request;

/** The note id in a request's path ({@code /notes/{id}}): a positive decimal number, or none. */
final class NoteIds {

    private NoteIds() {
    }

    static OptionalLong of(Request request) {
        String id = request.param("id");
        // digits only: no sign, no spaces, and at most 18 of them so that parsing cannot overflow
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(id);
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
