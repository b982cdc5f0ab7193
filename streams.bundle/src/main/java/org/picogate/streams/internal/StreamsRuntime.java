package org.picogate.streams.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * What every bundle's stream service shares: the settings of PID {@code org.picogate.streams} and the list of
 * open servers (for {@code picogate:conns}). Registered under its private class: only this bundle sees it.
 */
@Component(service = StreamsRuntime.class, configurationPid = StreamsConfig.PID)
@Designate(ocd = StreamsConfig.class)
public final class StreamsRuntime {
    private volatile StreamSettings settings = StreamSettings.DEFAULTS;
    private final Set<StreamServerImpl> servers = ConcurrentHashMap.newKeySet();

    @Activate
    public StreamsRuntime(StreamsConfig config) {
        apply(config);
    }

    @Modified
    void modified(StreamsConfig config) {
        apply(config);
    }

    StreamSettings settings() {
        return settings;
    }

    void opened(StreamServerImpl server) {
        servers.add(server);
    }

    void closed(StreamServerImpl server) {
        servers.remove(server);
    }

    List<StreamServerImpl> servers() {
        return List.copyOf(servers);
    }

    /** Applies a configuration, or logs what is wrong and keeps the one in force. */
    private void apply(StreamsConfig config) {
        try {
            settings = new StreamSettings(config.readBufferSize(), config.highWaterMark(),
                    Duration.ofMillis(config.lingerMillis()), config.lingerMaxBytes());
        } catch (IllegalArgumentException invalid) {
            StreamServerImpl.LOG.log(Level.ERROR, () -> StreamsConfig.PID + ": rejected (" + invalid.getMessage()
                    + "); keeping " + settings);
        }
    }
}
