package org.picogate.streams.runtime;

import java.util.List;
import java.util.Objects;

import org.picogate.streams.ServerStats;

/**
 * One open stream server (from {@code StreamService.listen}).
 *
 * @param name its name ({@code ListenOptions.withName})
 * @param owner the symbolic name of the bundle that opened it
 * @param ownerId that bundle's id, {@code -1} when it was opened outside a framework
 * @param address the address it listens on: {@code *:1883} on every interface, else {@code 127.0.0.1:1883} or
 *        {@code [::1]:1883}
 * @param port the port it listens on
 * @param stats its counters; {@code stats.open()} is counted apart from {@code connections} and may differ by the
 *        connections that opened or closed in between
 * @param connections its open connections, oldest first
 */
public record ServerDTO(String name, String owner, long ownerId, String address, int port, ServerStats stats,
        List<StreamDTO> connections) {

    public ServerDTO {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(stats, "stats");
        connections = List.copyOf(connections);
    }
}
