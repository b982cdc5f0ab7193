package org.picogate.streams.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * What every bundle's stream service shares: the settings of PID {@code org.picogate.streams}, and the open
 * servers and client streams with the bundles that own them (for {@code picogate:conns}). Registered under its
 * private class: only this bundle sees it.
 */
@Component(service = StreamsRuntime.class, configurationPid = StreamsConfig.PID)
@Designate(ocd = StreamsConfig.class)
public final class StreamsRuntime {
    private volatile StreamSettings settings = StreamSettings.DEFAULTS;
    private final Map<StreamServerImpl, String> servers = new ConcurrentHashMap<>();
    private final Map<BufferedStream, String> clients = new ConcurrentHashMap<>();

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

    void opened(StreamServerImpl server, String owner) {
        servers.put(server, owner);
    }

    void closed(StreamServerImpl server) {
        servers.remove(server);
    }

    /** Open servers and the symbolic names of the bundles that opened them. */
    Map<StreamServerImpl, String> servers() {
        return Map.copyOf(servers);
    }

    void connected(BufferedStream client, String owner) {
        clients.put(client, owner);
    }

    void disconnected(BufferedStream client) {
        clients.remove(client);
    }

    /** Open client streams (from {@code connect}) and the symbolic names of the bundles that opened them. */
    Map<BufferedStream, String> clients() {
        return Map.copyOf(clients);
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
