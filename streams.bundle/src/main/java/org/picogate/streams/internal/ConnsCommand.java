package org.picogate.streams.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.picogate.scheduler.Clock;
import org.picogate.streams.ServerStats;

/**
 * Gogo command {@code picogate:conns}: every open stream server with its counters and connections, then every
 * client stream. Ages are measured on {@link Clock#system()}, the clock of the gateway's scheduler, on which
 * streams record when they were made.
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
        return render(runtime.servers(), runtime.clients(), Clock.system().nanoTime());
    }

    /**
     * The listing.
     *
     * @param servers open servers and their owners' names
     * @param clients open client streams and their owners' names
     * @param now the current time on the clock the streams were made on
     */
    static String render(Map<StreamServerImpl, String> servers, Map<BufferedStream, String> clients, long now) {
        StringBuilder out = new StringBuilder();
        int connections = 0;
        List<StreamServerImpl> byName = new ArrayList<>(servers.keySet());
        byName.sort(Comparator.comparing(StreamServerImpl::name).thenComparingInt(StreamServerImpl::port));
        if (!byName.isEmpty()) {
            out.append(String.format(SERVER_ROW, "SERVER", "OWNER", "PORT", "OPEN", "ACCEPTED", "REJECTED"));
        }
        for (StreamServerImpl server : byName) {
            ServerStats stats = server.stats();
            out.append(String.format(SERVER_ROW, clip(server.name(), 28), clip(servers.get(server), 32),
                    server.port(), stats.open(), stats.accepted(), stats.rejected()));
            List<BufferedStream> streams = oldestFirst(server.streams());
            if (!streams.isEmpty()) {
                out.append(String.format(STREAM_ROW, "CONNECTION FROM", "AGE", "STATE", "BYTES IN", "BYTES OUT"));
                streams.forEach(s -> out.append(row(STREAM_ROW, address(s.remoteAddress()), s, now)));
            }
            connections += streams.size();
        }
        List<BufferedStream> outgoing = oldestFirst(clients.keySet());
        if (!outgoing.isEmpty()) {
            out.append(String.format(CLIENT_ROW, "CLIENT STREAM TO (OWNER)", "AGE", "STATE", "BYTES IN", "BYTES OUT"));
            outgoing.forEach(s -> out.append(
                    row(CLIENT_ROW, address(s.remoteAddress()) + " (" + clients.get(s) + ")", s, now)));
        }
        out.append(servers.size()).append(" server(s), ").append(connections).append(" connection(s) accepted, ")
                .append(outgoing.size()).append(" client stream(s)");
        return out.toString();
    }

    private static List<BufferedStream> oldestFirst(Collection<BufferedStream> streams) {
        List<BufferedStream> sorted = new ArrayList<>(streams);
        sorted.sort(Comparator.comparingLong(BufferedStream::createdNanos));
        return sorted;
    }

    private static String row(String format, String label, BufferedStream s, long now) {
        return String.format(format, clip(label, 46), age(Duration.ofNanos(now - s.createdNanos())), s.state(),
                s.bytesIn(), s.bytesOut());
    }

    /** {@code 127.0.0.1:8080} or {@code [::1]:8080}, without the JDK's leading slash or empty host name. */
    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String age(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return Math.max(0, d.toMillis()) + "ms";
        }
        if (s < 3600) {
            return s / 60 > 0 ? s / 60 + "m" + s % 60 + "s" : s + "s";
        }
        return s / 3600 + "h" + (s % 3600) / 60 + "m";
    }
}
