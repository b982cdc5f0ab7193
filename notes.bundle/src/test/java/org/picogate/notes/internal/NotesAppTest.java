package org.picogate.notes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the app's start that need no framework: the prefix its links use, its static files. */
class NotesAppTest {

    @TempDir
    Path folder;

    @Test
    void thePrefixForLinksHasOneLeadingSlashAndNoTrailingOne() {
        assertThat(NotesApp.prefix("")).isEmpty();
        assertThat(NotesApp.prefix(null)).isEmpty();
        assertThat(NotesApp.prefix("/")).isEmpty();
        assertThat(NotesApp.prefix(" /notes/ ")).isEqualTo("/notes");
        assertThat(NotesApp.prefix("apps/notes")).isEqualTo("/apps/notes");
    }

    @Test
    void theStyleSheetIsCopiedOutOfTheBundleOverAnOlderCopy() throws Exception {
        Path statics = folder.resolve("static");
        Files.createDirectories(statics);
        Files.writeString(statics.resolve("notes.css"), "old");
        assertThat(StaticAssets.copyTo(statics)).isEqualTo(statics);
        assertThat(Files.readString(statics.resolve("notes.css"))).startsWith("/* Picogate notes");
    }
}
