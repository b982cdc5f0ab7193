package org.picogate.streams.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The open stream servers and client streams of every bundle, as a service (named like OSGi's
 * {@code ServiceComponentRuntime}: the runtime of {@code StreamService}). Read-only.
 */
@ProviderType
public interface StreamServiceRuntime {

    /**
     * What is open now: the servers sorted by name, then port, each with its connections oldest first; the client
     * streams oldest first. Each call takes a fresh snapshot, whose cost is proportional to the open servers and
     * streams; nothing is counted or kept on the I/O path for it.
     */
    StreamsSnapshot snapshot();
}
