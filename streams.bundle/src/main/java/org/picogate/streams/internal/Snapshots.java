package org.picogate.streams.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.picogate.streams.runtime.ClientStreamDTO;
import org.picogate.streams.runtime.ServerDTO;
import org.picogate.streams.runtime.StreamDTO;
import org.picogate.streams.runtime.StreamsSnapshot;

/**
 * Takes the {@link StreamsSnapshot} that both the {@code StreamServiceRuntime} service and {@code picogate:conns}
 * show, so that the two cannot disagree. It reads the live maps in place (their iteration is weakly consistent):
 * what it allocates is the snapshot itself.
 */
final class Snapshots {
    private static final Comparator<ServerDTO> BY_NAME_THEN_PORT = Comparator.comparing(ServerDTO::name)
            .thenComparingInt(ServerDTO::port);
    private static final Comparator<StreamDTO> OLDEST_FIRST = Comparator.comparing(StreamDTO::age).reversed();
    private static final Comparator<ClientStreamDTO> CLIENTS_OLDEST_FIRST = Comparator
            .comparing((ClientStreamDTO c) -> c.stream().age()).reversed();

    private Snapshots() {
    }

    /**
     * The snapshot of these servers and client streams.
     *
     * @param now the current time on the clock the streams were made on (their schedulers' clock)
     */
    static StreamsSnapshot take(Map<StreamServerImpl, Owner> servers, Map<BufferedStream, Owner> clients, long now) {
        List<ServerDTO> serverRows = new ArrayList<>(servers.size());
        servers.forEach((server, owner) -> serverRows.add(server(server, owner, now)));
        serverRows.sort(BY_NAME_THEN_PORT);
        List<ClientStreamDTO> clientRows = new ArrayList<>(clients.size());
        clients.forEach((stream, owner) -> {
            if (!stream.state().isFinal()) { // closed, and about to leave the map
                clientRows.add(new ClientStreamDTO(owner.symbolicName(), owner.id(), stream(stream, now)));
            }
        });
        clientRows.sort(CLIENTS_OLDEST_FIRST);
        return new StreamsSnapshot(serverRows, clientRows);
    }

    private static ServerDTO server(StreamServerImpl server, Owner owner, long now) {
        List<StreamDTO> connections = new ArrayList<>();
        for (BufferedStream s : server.openStreams()) {
            if (!s.state().isFinal()) { // closed, and about to leave the server
                connections.add(stream(s, now));
            }
        }
        connections.sort(OLDEST_FIRST);
        return new ServerDTO(server.name(), owner.symbolicName(), owner.id(), listenAddress(server.localAddress()),
                server.port(),
                server.stats(), connections);
    }

    private static StreamDTO stream(BufferedStream s, long now) {
        return new StreamDTO(address(s.remoteAddress()), Duration.ofNanos(Math.max(0, now - s.createdNanos())),
                s.state(), s.isTls(), s.bytesIn(), s.bytesOut());
    }

    /** {@code 127.0.0.1:8080} or {@code [::1]:8080}, without the JDK's leading slash or empty host name. */
    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    /** As {@link #address}, with {@code *} for a server that listens on every interface. */
    static String listenAddress(InetSocketAddress address) {
        return address.getAddress() != null && address.getAddress().isAnyLocalAddress()
                ? "*:" + address.getPort() : address(address);
    }
}
