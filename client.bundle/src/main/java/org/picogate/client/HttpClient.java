package org.picogate.client;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens client sessions. As an OSGi service it is bundle-scoped: the sessions, their connections and timers
 * belong to the bundle that got the service, and are closed when it stops.
 */
@ProviderType
public interface HttpClient {

    /** A session with {@code options}. */
    ClientSession session(SessionOptions options);

    /** A session with {@link #defaults()}. */
    ClientSession session();

    /**
     * The options of {@link #session()}: {@link SessionOptions#defaults()} as changed by the configuration (PID
     * {@code org.picogate.client}); a start for {@link #session(SessionOptions)}.
     */
    SessionOptions defaults();
}
