package org.picogate.notes.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The app's static files (src/main/resources/static) copied out of the bundle into a folder, so that the
 * server's static-file code serves them ({@code Routes.statics} takes a folder) with ETag, Last-Modified, 304
 * and ranges, as it serves any other file.
 */
final class StaticAssets {

    /** Every file under static/ in the bundle (a bundle's resources cannot be listed portably). */
    static final List<String> FILES = List.of("notes.css");

    private StaticAssets() {
    }

    /** Copies the files into {@code folder} (created if missing), replacing older copies; returns the folder. */
    static Path copyTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : FILES) {
            try (InputStream in = StaticAssets.class.getResourceAsStream("/static/" + name)) {
                if (in == null) {
                    throw new IOException("static/" + name + " is missing from the bundle");
                }
                Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }
}
