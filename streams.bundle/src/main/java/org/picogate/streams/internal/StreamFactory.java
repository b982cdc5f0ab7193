package org.picogate.streams.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.picogate.scheduler.Scheduler;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.StreamHandler;

/** Makes client streams and servers on one scheduler; usable outside OSGi. */
public final class StreamFactory {
    private final Scheduler scheduler;
    private final Supplier<StreamSettings> settings;
    private final Connector connector;

    /** Every stream gets {@code settings}. */
    public StreamFactory(Scheduler scheduler, StreamSettings settings) {
        this(scheduler, () -> settings);
    }

    /**
     * Each stream gets the settings {@code settings} supplies when it is made (the live configuration), also
     * those that servers made here accept later.
     */
    public StreamFactory(Scheduler scheduler, Supplier<StreamSettings> settings) {
        this(scheduler, settings, new Connector(scheduler));
    }

    StreamFactory(Scheduler scheduler, Supplier<StreamSettings> settings, Connector connector) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.settings = Objects.requireNonNull(settings, "settings");
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

    public StreamServerImpl listen(ListenOptions options, StreamHandler handler, Consumer<StreamServerImpl> onClosed)
            throws IOException {
        TransportFactory transports = options.tls() == null ? TransportFactory.PLAIN
                : TlsTransport.server(options.tls());
        StreamServerImpl server = new StreamServerImpl(scheduler, options, handler, transports, settings, onClosed);
        server.start();
        return server;
    }
}
