package org.picogate.streams.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Task;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.TlsContexts;
import org.picogate.streams.testing.StreamConformanceTest;

/**
 * The whole conformance kit over TLS on loopback (TLS 1.3, what both sides choose by default): a client made by
 * {@link StreamFactory#connect} against a server-side stream over {@link TlsTransport#server}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TlsConformanceTest extends StreamConformanceTest {
    @TempDir
    static Path dir;
    private static SSLContext serverTls;
    private static SSLContext clientTls;

    @BeforeAll
    static void certificates() throws Exception {
        SSLContext[] contexts = contexts(dir);
        serverTls = contexts[0];
        clientTls = contexts[1];
    }

    /** A server context for localhost and 127.0.0.1, and a client context that trusts it, made in {@code dir}. */
    static SSLContext[] contexts(Path dir) throws Exception {
        TestCertificates certificates = new TestCertificates(dir);
        Path server = certificates.keyStore("server", "CN=localhost", "dns:localhost,ip:127.0.0.1");
        Path trust = certificates.trustStore("trust", server);
        return new SSLContext[] { TlsContexts.server(server, certificates.password()),
                TlsContexts.client(trust, certificates.password()) };
    }

    @Override
    protected Connection connect(Scheduler scheduler) throws Exception {
        return connect(scheduler, serverTls, ConnectOptions.defaults().withTls(clientTls));
    }

    /**
     * A client stream to 127.0.0.1 and the server's end of it, the latter as a server's connection task makes
     * it: {@link TlsTransport#server} around the accepted socket, the handshake run in the task, a
     * {@link BufferedStream} on top. (A server's handler would get it before the handshake, which its first read
     * runs; the kit's streams must be ready before it reads.)
     */
    static Connection connect(Scheduler scheduler, SSLContext serverContext, ConnectOptions options)
            throws Exception {
        TransportFactory tls = TlsTransport.server(serverContext);
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            Task<BufferedStream> accept = scheduler.spawn("accept TLS", () -> {
                SocketChannel channel = listener.accept();
                try {
                    TlsTransport transport = (TlsTransport) tls.wrap(channel);
                    transport.handshake();
                    return new BufferedStream(transport, scheduler, StreamSettings.DEFAULTS, null);
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            });
            Stream client;
            try {
                client = new StreamFactory(scheduler, StreamSettings.DEFAULTS).connect("127.0.0.1", port, options,
                        null);
            } catch (Exception e) {
                accept.cancel();
                throw e;
            }
            Stream server = accept.join();
            return new Connection(client, server, () -> { });
        }
    }
}
