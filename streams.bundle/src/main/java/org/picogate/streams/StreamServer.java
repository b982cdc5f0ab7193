package org.picogate.streams;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** A listening socket and the connections it accepted. */
@ProviderType
public interface StreamServer extends AutoCloseable {

    /** The port it listens on (the one chosen by the system when 0 was asked for). */
    int port();

    /** Stops accepting and aborts every open connection. Idempotent. */
    @Override
    void close();

    /**
     * Stops accepting, lets the handlers finish for up to {@code grace}, then aborts what is left.
     *
     * @return {@code true} if every handler finished in time
     */
    boolean closeGracefully(Duration grace);

    ServerStats stats();

    /** The connections open now. */
    List<Stream> connections();
}
