package org.picogate.streams.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.picogate.scheduler.Channel;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;

/**
 * Real sockets on 127.0.0.1 driven by a scheduler on a {@link VirtualClock}: servers and clients made here are
 * released by {@link #close()}. Test threads that are not tasks may block on the client streams.
 *
 * <p>Under a virtual clock a task blocked in a socket call counts as running, so an {@code advance} step waits
 * up to the settle timeout (real time) for it; tests advance only while their tasks wait on the scheduler, or
 * accept that wait.
 */
final class Loopback implements AutoCloseable {
    static final String HOST = "127.0.0.1";

    final VirtualClock clock = VirtualClock.create().settleTimeout(Duration.ofMillis(300));
    final TestScheduler scheduler = TestScheduler.start(clock, "loopback-test");
    final StreamFactory factory;
    private final List<StreamServerImpl> servers = new ArrayList<>();
    private final List<Stream> clients = new ArrayList<>();

    Loopback() {
        this(() -> StreamSettings.DEFAULTS);
    }

    Loopback(Supplier<StreamSettings> settings) {
        factory = new StreamFactory(scheduler, settings);
    }

    /** A server on 127.0.0.1 at a port the system chooses. */
    StreamServerImpl listen(ListenOptions options, StreamHandler handler) throws IOException {
        StreamServerImpl server = factory.listen(options.withHost(HOST), handler, s -> { });
        servers.add(server);
        return server;
    }

    StreamServerImpl listen(StreamHandler handler) throws IOException {
        return listen(ListenOptions.port(0), handler);
    }

    /** A client stream to 127.0.0.1:{@code port}. */
    Stream connect(int port) throws IOException {
        Stream client = factory.connect(HOST, port, ConnectOptions.defaults(), null);
        clients.add(client);
        return client;
    }

    /** Writes a line and drains it. */
    static void sendLine(Stream s, String line) throws IOException {
        s.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        s.drain();
    }

    /**
     * Echoes lines until the peer's EOF, then closes its stream and hands it to {@code ended}: once the test
     * has received it, the server has forgotten the connection (its counters are final).
     */
    static StreamHandler echoLines(Channel<Stream> ended) {
        return s -> {
            try {
                for (String line = s.readLine(1024); line != null; line = s.readLine(1024)) {
                    sendLine(s, line);
                }
            } finally {
                s.close();
                ended.send(s);
            }
        };
    }

    /**
     * How a stream the server gave up on ends for its client: "reset" (an IOException) or "eof". Blocks
     * until one happens; a server that queued the connection instead would leave the test hanging.
     */
    static String howItEnds(Stream client) {
        try {
            byte[] got = client.read(1);
            return got.length == 0 ? "eof" : "data: " + new String(got, StandardCharsets.UTF_8);
        } catch (IOException reset) {
            return "reset";
        }
    }

    @Override
    public void close() {
        clients.forEach(Stream::abort);
        servers.forEach(StreamServerImpl::close);
        scheduler.close();
    }
}
