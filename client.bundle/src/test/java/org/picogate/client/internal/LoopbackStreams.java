package org.picogate.client.internal;

import java.io.IOException;
import java.util.function.Consumer;

import org.picogate.scheduler.Scheduler;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.StreamServer;
import org.picogate.streams.StreamService;
import org.picogate.streams.internal.StreamFactory;
import org.picogate.streams.internal.StreamSettings;

/**
 * The streams bundle's real TCP and TLS streams outside OSGi, as the {@link StreamService} a session connects
 * through (what {@code BundleStreamService} does in the framework, without its bookkeeping).
 */
final class LoopbackStreams implements StreamService {
    private final StreamFactory factory;

    LoopbackStreams(Scheduler scheduler) {
        this.factory = new StreamFactory(scheduler, StreamSettings.DEFAULTS);
    }

    @Override
    public Stream connect(String host, int port, ConnectOptions options) throws IOException {
        return factory.connect(host, port, options, null);
    }

    @Override
    public Stream connect(String host, int port) throws IOException {
        return connect(host, port, ConnectOptions.defaults());
    }

    /** Nothing to do when a server closes; raw, because its type argument is not public. */
    @SuppressWarnings("rawtypes")
    private static final Consumer IGNORE = closedServer -> { };

    @Override
    @SuppressWarnings("unchecked")
    public StreamServer listen(ListenOptions options, StreamHandler handler) throws IOException {
        return factory.listen(options, handler, IGNORE);
    }
}
