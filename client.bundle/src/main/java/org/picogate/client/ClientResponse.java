package org.picogate.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A response whose head has arrived. Its connection goes back to the pool once the body has been read to its end
 * (by {@link #bytes()}, {@link #text()}, {@link #json(Class)} or the stream of {@link #body()}); {@link #close()}
 * ends a response whose body is not wanted (closing its connection if the body is not over). Use it in
 * try-with-resources. The body can be read once.
 */
@ProviderType
public interface ClientResponse extends AutoCloseable {

    int status();

    /** The reason phrase as sent; may be empty. */
    String reason();

    Headers headers();

    /** The URL this response answers: the last one after redirects. */
    URI url();

    /** The body whole, gzip decoded when asked; bodies longer than {@link SessionOptions#maxBodyBytes()} throw. */
    byte[] bytes() throws IOException;

    /** The body as text in the {@code charset} of its {@code Content-Type}, else UTF-8. */
    String text() throws IOException;

    /** The body as JSON (jackson-jr) bound to {@code type} ({@code Map.class} and {@code List.class} work too). */
    <T> T json(Class<T> type) throws IOException;

    /** The body as a stream, for bodies too big to hold; closing it closes the response. */
    InputStream body();

    /** The URLs requested before this one, oldest first, when redirects were followed; else empty. */
    List<URI> history();

    /** The URL first requested, when redirects were followed. */
    default Optional<URI> redirectedFrom() {
        List<URI> history = history();
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(0));
    }

    /** Ends the response: its connection goes back to the pool if the body was read whole, else it is closed. */
    @Override
    void close();
}
