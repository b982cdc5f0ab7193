package org.picogate.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One uploaded file of a {@code multipart/form-data} form (a part with a {@code filename}). Small files are kept
 * in memory; bigger ones in a temporary file that is deleted when the request ends.
 */
@ProviderType
public interface FilePart {

    /** The form field's name. */
    String name();

    /** The file name the client gave, as sent (may be empty, may contain any character: never use it as a path). */
    String filename();

    /** The part's {@code Content-Type}, {@code application/octet-stream} if it had none. */
    String contentType();

    /** Size in bytes. */
    long size();

    /** The content, from the start, at each call. */
    InputStream inputStream() throws IOException;

    /** The content as bytes. */
    byte[] bytes() throws IOException;

    /** The temporary file that holds the content, if it was big enough to go to disk; deleted at the end of the request. */
    Optional<Path> path();

    /** Copies the content to {@code target}, replacing it if it exists. */
    void saveTo(Path target) throws IOException;
}
