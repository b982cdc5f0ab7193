package org.picogate.streams.runtime;

import java.util.List;

/**
 * The open stream servers and client streams at one moment, as {@link StreamServiceRuntime#snapshot()} saw them.
 * Servers and streams that open or close while it is taken may be in it or not; each record is whole.
 *
 * @param servers the open servers, sorted by name, then port
 * @param clientStreams the open client streams (made by {@code StreamService.connect}), oldest first
 */
public record StreamsSnapshot(List<ServerDTO> servers, List<ClientStreamDTO> clientStreams) {

    public static final StreamsSnapshot EMPTY = new StreamsSnapshot(List.of(), List.of());

    public StreamsSnapshot {
        servers = List.copyOf(servers);
        clientStreams = List.copyOf(clientStreams);
    }

    /** The open connections of all servers together. */
    public int connectionCount() {
        int n = 0;
        for (ServerDTO s : servers) {
            n += s.connections().size();
        }
        return n;
    }
}
