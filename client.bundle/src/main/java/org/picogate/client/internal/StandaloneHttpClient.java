package org.picogate.client.internal;

import java.util.Objects;

import org.picogate.client.ClientSession;
import org.picogate.client.HttpClient;
import org.picogate.client.SessionOptions;
import org.picogate.scheduler.Scheduler;
import org.picogate.streams.StreamService;

/**
 * An {@link HttpClient} outside OSGi (benchmarks, tools), on a scheduler and stream service given by hand; its
 * sessions are closed by whoever opened them. In the framework, use the {@code HttpClient} service.
 */
public final class StandaloneHttpClient implements HttpClient {
    private final Scheduler scheduler;
    private final StreamService streams;

    public StandaloneHttpClient(Scheduler scheduler, StreamService streams) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    @Override
    public ClientSession session(SessionOptions options) {
        return new SessionImpl(options, scheduler, streams, () -> { });
    }

    @Override
    public ClientSession session() {
        return session(defaults());
    }

    @Override
    public SessionOptions defaults() {
        return SessionOptions.defaults();
    }
}
