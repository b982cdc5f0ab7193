package org.picogate.streams.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.picogate.scheduler.CancelledException;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Task;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.ServerStats;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.StreamServer;

/**
 * A listening socket with one accept task, and one task per connection, all spawned on the scheduler of the
 * bundle that opened the server. Connections past {@code maxConnections} are reset at once, never queued.
 * Each connection takes the settings in force when it is accepted, so a configuration change reaches new
 * connections of a server that is already open.
 *
 * <p>Aborting a connection (by {@link #close()}, or by {@link #closeGracefully} past its grace) also cancels
 * its task: a handler waiting on something other than its stream (a sleep, an event) would otherwise go on
 * running after its connection is gone.
 */
final class StreamServerImpl implements StreamServer {
    static final System.Logger LOG = System.getLogger("org.picogate.streams");
    private static final Duration ACCEPT_RETRY = Duration.ofMillis(100);

    private final Scheduler scheduler;
    private final ServerSocketChannel listener;
    private final ListenOptions options;
    private final StreamHandler handler;
    private final TransportFactory transports;
    private final Supplier<StreamSettings> settings;
    private final Consumer<StreamServerImpl> onClosed;
    /** Open connections and their tasks; a task is set right after its stream is registered. */
    private final Map<BufferedStream, Task<?>[]> connections = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failedHandshakes = new LongAdder();
    private final LongAdder bytesInClosed = new LongAdder();
    private final LongAdder bytesOutClosed = new LongAdder();
    private final InetSocketAddress localAddress;
    private volatile Task<Void> acceptTask;

    StreamServerImpl(Scheduler scheduler, ListenOptions options, StreamHandler handler, TransportFactory transports,
            Supplier<StreamSettings> settings, Consumer<StreamServerImpl> onClosed) throws IOException {
        this.scheduler = scheduler;
        this.options = options;
        this.handler = handler;
        this.transports = transports;
        this.settings = settings;
        this.onClosed = onClosed;
        this.listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            String host = options.host();
            // resolved here so that a bad name fails with UnknownHostException naming it, not a bare
            // UnresolvedAddressException from bind
            listener.bind(host == null || host.isEmpty() ? new InetSocketAddress(options.port())
                    : new InetSocketAddress(InetAddress.getByName(host), options.port()), options.backlog());
            this.localAddress = (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /** Starts accepting; if the accept task cannot be spawned (the owner is closing), releases the port. */
    void start() {
        try {
            acceptTask = scheduler.spawn("accept " + options.name(), this::acceptLoop);
        } catch (RuntimeException e) {
            closeListener();
            throw e;
        }
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException closed) {
                return; // closed by close(), or by the cancellation of this task
            } catch (IOException e) {
                // Typically out of file descriptors: retrying at once would spin, so pause before the next try.
                LOG.log(Level.WARNING, () -> options.name() + ": accept failed; retrying in "
                        + ACCEPT_RETRY.toMillis() + " ms", e);
                scheduler.sleep(ACCEPT_RETRY);
                continue;
            }
            if (open.incrementAndGet() > options.maxConnections()) {
                open.decrementAndGet();
                rejected.increment();
                Channels.reset(channel);
                continue;
            }
            // Counted before the connection task starts: counted after, a client could be answered (and read the
            // stats) before this thread runs again.
            accepted.increment();
            try {
                serve(channel);
            } catch (IOException | RuntimeException e) { // such as the owner's task limit
                accepted.decrement();
                open.decrementAndGet();
                rejected.increment();
                Channels.reset(channel);
                LOG.log(Level.WARNING, () -> options.name() + ": could not set up a connection", e);
            }
        }
    }

    private void serve(SocketChannel channel) throws IOException {
        Transport transport = transports.wrap(channel);
        BufferedStream[] self = new BufferedStream[1];
        BufferedStream stream = new BufferedStream(transport, scheduler, settings.get(), () -> forget(self[0]));
        self[0] = stream;
        stream.readTimeout(options.readTimeout());
        Task<?>[] task = new Task<?>[1];
        connections.put(stream, task); // before the task starts, so that its end always finds it
        try {
            task[0] = scheduler.spawn("conn " + transport.remoteAddress(), () -> handle(stream));
        } catch (RuntimeException rejected) {
            connections.remove(stream);
            throw rejected;
        }
    }

    private void handle(BufferedStream stream) {
        try {
            stream.handshake();
        } catch (IOException refused) {
            failedHandshakes.increment();
            LOG.log(Level.DEBUG, () -> options.name() + ": handshake with " + stream.remoteAddress() + " failed",
                    refused);
            return; // aborted by handshake(); the handler never sees a connection that is not set up
        }
        try {
            handler.handle(stream);
            stream.close();
        } catch (CancelledException cancelled) {
            stream.abort();
            throw cancelled;
        } catch (Throwable failure) {
            stream.abort();
            LOG.log(Level.DEBUG, () -> options.name() + ": handler failed for " + stream.remoteAddress(), failure);
        } finally {
            stream.abort(); // no-op when closed: guarantees the connection is released
        }
    }

    /** Called once per stream when it becomes CLOSED or ABORTED. */
    private void forget(BufferedStream stream) {
        connections.remove(stream);
        open.decrementAndGet();
        bytesInClosed.add(stream.bytesIn());
        bytesOutClosed.add(stream.bytesOut());
    }

    @Override
    public int port() {
        return localAddress.getPort();
    }

    /** The address it listens on (kept from the bind: it stays readable after the close). */
    InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public void close() {
        stopAccepting();
        for (Map.Entry<BufferedStream, Task<?>[]> c : new ArrayList<>(connections.entrySet())) {
            abort(c.getKey(), c.getValue()[0]);
        }
        onClosed.accept(this);
    }

    /** Aborts the stream (its I/O fails at once), then cancels its handler (its other waits end too). */
    private static void abort(BufferedStream stream, Task<?> task) {
        stream.abort();
        if (task != null) {
            task.cancel();
        }
    }

    @Override
    public boolean closeGracefully(Duration grace) {
        stopAccepting();
        long deadline = scheduler.clock().nanoTime() + grace.toNanos();
        boolean allFinished = true;
        for (Map.Entry<BufferedStream, Task<?>[]> c : new ArrayList<>(connections.entrySet())) {
            long left = Math.max(0, deadline - scheduler.clock().nanoTime());
            Task<?> task = c.getValue()[0];
            if (task == null) {
                continue;
            }
            try {
                task.join(Duration.ofNanos(left));
            } catch (TimeoutException stillRunning) {
                allFinished = false;
                abort(c.getKey(), task);
            } catch (ExecutionException | CancellationException ended) {
                // ended anyway
            }
        }
        close();
        return allFinished;
    }

    /**
     * Closes the listening socket, for good once this returns. The JDK only marks a channel closing while a
     * (virtual) thread is blocked in its {@code accept}, and releases the socket when that thread leaves:
     * until then the kernel still completes handshakes, which end in resets. So wait for the accept task.
     *
     * <p>Closing wakes the accept task; it is not cancelled. A cancellation is an interrupt, and an interrupt that
     * meets an {@code accept} just as it takes a connection makes the JDK throw {@code ClosedByInterruptException}
     * and drop the accepted socket without closing it: a client connected, unanswered and never closed (seen in
     * port changes under load, 5 of 13 runs). Woken by the close, {@code accept} either fails or returns a last
     * connection, which is served like any other and is among those {@link #closeGracefully} waits for.
     *
     * <p>Closing first is not enough to make an interrupt harmless: one that comes while the woken task is still
     * inside {@code accept} drops that last connection all the same (JDK 25). Hence the wait here, and
     * {@link BundleStreamService} calls this as soon as the owner starts stopping, before the owner's scheduler
     * cancels its tasks.
     */
    void stopAccepting() {
        closeListener();
        Task<Void> t = acceptTask;
        if (t != null) {
            try {
                t.join();
            } catch (ExecutionException | CancellationException ended) {
                // ended all the same
            } catch (CancelledException callerCancelled) {
                Thread.currentThread().interrupt(); // close() does not throw: keep it for the caller
            }
        }
    }

    private void closeListener() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    @Override
    public ServerStats stats() {
        long in = bytesInClosed.sum();
        long out = bytesOutClosed.sum();
        for (BufferedStream s : connections.keySet()) {
            in += s.bytesIn();
            out += s.bytesOut();
        }
        return new ServerStats(Math.max(0, open.get()), accepted.sum(), rejected.sum(), failedHandshakes.sum(), in,
                out);
    }

    @Override
    public List<Stream> connections() {
        return List.copyOf(connections.keySet());
    }

    /**
     * The open connections as they are implemented, for the runtime snapshot: a live view, read in place rather
     * than copied (the snapshot copies what it shows).
     */
    Collection<BufferedStream> openStreams() {
        return Collections.unmodifiableSet(connections.keySet());
    }

    String name() {
        return options.name();
    }
}
