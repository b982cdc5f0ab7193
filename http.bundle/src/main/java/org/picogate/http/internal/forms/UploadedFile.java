package org.picogate.http.internal.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.picogate.http.FilePart;

/**
 * A file part: its bytes in memory ({@code file == null}) or in a temporary file.
 */
record UploadedFile(String name, String filename, String contentType, long size, byte[] content, Path file)
        implements FilePart {

    @Override
    public InputStream inputStream() throws IOException {
        return file == null ? new ByteArrayInputStream(content) : Files.newInputStream(file);
    }

    @Override
    public byte[] bytes() throws IOException {
        return file == null ? content.clone() : Files.readAllBytes(file);
    }

    @Override
    public Optional<Path> path() {
        return Optional.ofNullable(file);
    }

    @Override
    public void saveTo(Path target) throws IOException {
        if (file == null) {
            Files.write(target, content);
        } else {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "FilePart[" + name + ", " + filename + ", " + contentType + ", " + size + " bytes"
                + (file == null ? "" : ", on disk") + "]";
    }
}
