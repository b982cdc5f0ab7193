package org.picogate.streams.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.picogate.scheduler.Clock;
import org.picogate.streams.runtime.StreamServiceRuntime;
import org.picogate.streams.runtime.StreamsSnapshot;

/**
 * The {@link StreamServiceRuntime} service: the snapshot {@code picogate:conns} shows, for other bundles (the web
 * console). Ages are on {@link Clock#system()}, the clock of the gateway's schedulers, on which streams record when
 * they were made.
 */
@Component(service = StreamServiceRuntime.class)
public final class StreamServiceRuntimeComponent implements StreamServiceRuntime {
    private final StreamsRuntime runtime;

    @Activate
    public StreamServiceRuntimeComponent(@Reference StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public StreamsSnapshot snapshot() {
        return runtime.snapshot(Clock.system().nanoTime());
    }
}
