package org.picogate.streams.testing;

import java.io.IOException;
import java.util.Objects;

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
 * The streams outside OSGi, for unit tests and benchmarks of code built on a {@link StreamService} (such as an
 * HTTP client): real TCP and TLS connections, their tasks on the scheduler given (a
 * {@code org.picogate.scheduler.testing.TestScheduler}), every stream with the built-in settings (those of an
 * unconfigured {@code org.picogate.streams}); {@code connect(host, port)} uses {@link ConnectOptions#defaults()}.
 *
 * <p>Unlike the service a bundle gets, it keeps no list of what it opened: close the servers and streams before
 * the scheduler. Closing the scheduler first cancels a server's accept task while it may be taking a connection,
 * which the JDK then drops without closing it.
 *
 * @since 1.1
 */
public final class TestStreams implements StreamService {
    private final StreamFactory factory;

    /** Streams whose tasks and waits are on {@code scheduler}. */
    public TestStreams(Scheduler scheduler) {
        this.factory = new StreamFactory(Objects.requireNonNull(scheduler, "scheduler"), StreamSettings.DEFAULTS);
    }

    @Override
    public Stream connect(String host, int port) throws IOException {
        return connect(host, port, ConnectOptions.defaults());
    }

    @Override
    public Stream connect(String host, int port, ConnectOptions options) throws IOException {
        return factory.connect(host, port, options, null);
    }

    @Override
    public StreamServer listen(ListenOptions options, StreamHandler handler) throws IOException {
        return factory.listen(options, handler);
    }
}
