package org.picogate.streams.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.picogate.scheduler.Ages;
import org.picogate.scheduler.Clock;
import org.picogate.streams.ServerStats;
import org.picogate.streams.runtime.ClientStreamDTO;
import org.picogate.streams.runtime.ServerDTO;
import org.picogate.streams.runtime.StreamDTO;
import org.picogate.streams.runtime.StreamsSnapshot;

/**
 * Gogo command {@code picogate:conns}: every open stream server with its counters and connections, then every
 * client stream. It renders the same {@link StreamsSnapshot} as the {@code StreamServiceRuntime} service (the web
 * console's), so the two never disagree. Ages are measured on {@link Clock#system()}, the clock of the gateway's
 * scheduler, on which streams record when they were made.
 */
@Component(service = ConnsCommand.class,
        property = { "osgi.command.scope=picogate", "osgi.command.function=conns" })
public final class ConnsCommand {
    private static final String SERVER_ROW = "%-28s %-32s %5s %6s %9s %9s%n";
    private static final String STREAM_ROW = "  %-46s %8s %-11s %10s %10s%n";
    private static final String CLIENT_ROW = "%-48s %8s %-11s %10s %10s%n";

    private final StreamsRuntime runtime;

    @Activate
    public ConnsCommand(@Reference StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    @Descriptor("lists stream servers (name, owner, port, open/accepted/rejected) with their connections, and "
            + "client streams (remote address, age, state, bytes in/out)")
    public String conns() {
        return render(runtime.snapshot(Clock.system().nanoTime()));
    }

    /** The listing of a snapshot. */
    static String render(StreamsSnapshot snapshot) {
        StringBuilder out = new StringBuilder();
        if (!snapshot.servers().isEmpty()) {
            out.append(String.format(SERVER_ROW, "SERVER", "OWNER", "PORT", "OPEN", "ACCEPTED", "REJECTED"));
        }
        for (ServerDTO server : snapshot.servers()) {
            ServerStats stats = server.stats();
            out.append(String.format(SERVER_ROW, clip(server.name(), 28), clip(server.owner(), 32), server.port(),
                    stats.open(), stats.accepted(), stats.rejected()));
            if (!server.connections().isEmpty()) {
                out.append(String.format(STREAM_ROW, "CONNECTION FROM", "AGE", "STATE", "BYTES IN", "BYTES OUT"));
                server.connections().forEach(s -> out.append(row(STREAM_ROW, s.remoteAddress(), s)));
            }
        }
        if (!snapshot.clientStreams().isEmpty()) {
            out.append(String.format(CLIENT_ROW, "CLIENT STREAM TO (OWNER)", "AGE", "STATE", "BYTES IN", "BYTES OUT"));
            for (ClientStreamDTO c : snapshot.clientStreams()) {
                out.append(row(CLIENT_ROW, c.stream().remoteAddress() + " (" + c.owner() + ")", c.stream()));
            }
        }
        out.append(snapshot.servers().size()).append(" server(s), ").append(snapshot.connectionCount())
                .append(" connection(s) accepted, ").append(snapshot.clientStreams().size())
                .append(" client stream(s)");
        return out.toString();
    }

    private static String row(String format, String label, StreamDTO s) {
        return String.format(format, clip(label, 46), Ages.of(s.age()), s.state(), s.bytesIn(), s.bytesOut());
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
