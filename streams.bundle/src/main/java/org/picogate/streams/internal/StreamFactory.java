package org.picogate.streams.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.picogate.scheduler.Scheduler;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.StreamServer;

/** Makes client streams and servers on one scheduler; usable outside OSGi. */
public final class StreamFactory {
    private final Scheduler scheduler;
    private final Supplier<StreamSettings> settings;
    private final Supplier<ConfiguredTls> configuredTls;
    private final Connector connector;

    /** Every stream gets {@code settings}. */
    public StreamFactory(Scheduler scheduler, StreamSettings settings) {
        this(scheduler, () -> settings);
    }

    /**
     * Each stream gets the settings {@code settings} supplies when it is made (the live configuration), also
     * those that servers made here accept later. No TLS is configured: {@code listen} with
     * {@link ListenOptions#configuredTls()} fails.
     */
    public StreamFactory(Scheduler scheduler, Supplier<StreamSettings> settings) {
        this(scheduler, settings, () -> ConfiguredTls.NOT_CONFIGURED);
    }

    /**
     * As {@link #StreamFactory(Scheduler, Supplier)}; servers that listen with {@link ListenOptions#configuredTls()}
     * take the server TLS {@code configuredTls} supplies for each connection they accept.
     */
    StreamFactory(Scheduler scheduler, Supplier<StreamSettings> settings, Supplier<ConfiguredTls> configuredTls) {
        this(scheduler, settings, configuredTls, new Connector(scheduler));
    }

    StreamFactory(Scheduler scheduler, Supplier<StreamSettings> settings, Connector connector) {
        this(scheduler, settings, () -> ConfiguredTls.NOT_CONFIGURED, connector);
    }

    StreamFactory(Scheduler scheduler, Supplier<StreamSettings> settings, Supplier<ConfiguredTls> configuredTls,
            Connector connector) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.configuredTls = Objects.requireNonNull(configuredTls, "configuredTls");
        this.connector = connector;
    }

    public BufferedStream connect(String host, int port, ConnectOptions options, Runnable onFinal)
            throws IOException {
        TransportFactory transports = options.tls() == null ? TransportFactory.PLAIN
                : TlsTransport.client(options.tls(), options.serverName() == null ? host : options.serverName(),
                        port, options.verifyHostname());
        Transport transport = connector.connect(host, port, options, transports);
        BufferedStream stream = new BufferedStream(transport, scheduler, settings.get(), onFinal);
        stream.readTimeout(options.readTimeout());
        return stream;
    }

    /**
     * @throws IOException with {@link ListenOptions#configuredTls()}, if no server TLS is configured (saying why);
     *         or if the socket cannot be bound
     */
    public StreamServerImpl listen(ListenOptions options, StreamHandler handler, Consumer<StreamServerImpl> onClosed)
            throws IOException {
        TransportFactory transports = options.tls() != null ? TlsTransport.server(options.tls())
                : options.configuredTls() ? configured(configuredTls)
                : TransportFactory.PLAIN;
        StreamServerImpl server = new StreamServerImpl(scheduler, options, handler, transports, settings, onClosed);
        server.start();
        return server;
    }

    /**
     * As {@link #listen(ListenOptions, StreamHandler, Consumer)}, for callers outside this package (tests and
     * benchmarks), which keep their servers themselves: nothing is told when the server closes.
     */
    public StreamServer listen(ListenOptions options, StreamHandler handler) throws IOException {
        return listen(options, handler, closedServer -> { });
    }

    /**
     * TLS with the configured server context in force when each connection is accepted: a configuration change
     * (a renewed certificate) reaches the new connections of an open server. Once none is configured, the server
     * keeps the last context it had.
     *
     * @throws IOException if none is configured now, with the reason
     */
    private static TransportFactory configured(Supplier<ConfiguredTls> source) throws IOException {
        ConfiguredTls first = source.get();
        if (first.context() == null) {
            throw new IOException(first.problem());
        }
        AtomicReference<ConfiguredTls> last = new AtomicReference<>(first);
        return channel -> {
            ConfiguredTls now = source.get();
            ConfiguredTls use = now.context() != null ? now : last.get();
            last.set(use);
            return use.transports().wrap(channel);
        };
    }
}
