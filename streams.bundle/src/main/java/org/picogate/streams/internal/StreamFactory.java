package org.picogate.streams.internal;

import java.io.IOException;
import java.util.function.Consumer;

import org.picogate.scheduler.Scheduler;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;

/** Makes client streams and servers on one scheduler with one set of settings; usable outside OSGi. */
public final class StreamFactory {
    private final Scheduler scheduler;
    private final StreamSettings settings;

    public StreamFactory(Scheduler scheduler, StreamSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    public Stream connect(String host, int port, ConnectOptions options, Runnable onFinal) throws IOException {
        TransportFactory transports = options.tls() == null ? TransportFactory.PLAIN
                : TlsTransport.client(options.tls(), options.serverName() == null ? host : options.serverName(),
                        port, options.verifyHostname());
        Transport transport = new Connector(scheduler).connect(host, port, options, transports);
        BufferedStream stream = new BufferedStream(transport, scheduler, settings, onFinal);
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
