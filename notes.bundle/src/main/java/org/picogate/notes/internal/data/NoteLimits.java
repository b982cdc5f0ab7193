package org.picogate.notes.internal.data;

/** The longest title and text a note may have, in characters (configured: NotesConfig). */
public record NoteLimits(int maxTitleLength, int maxContentLength) {

    public NoteLimits {
        if (maxTitleLength < 1 || maxContentLength < 0) {
            throw new IllegalArgumentException(
                    "limits must be positive: title " + maxTitleLength + ", content " + maxContentLength);
        }
    }
}
