package org.picogate.streams.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * TLS over a connected socket, through the JDK's {@link SSLSocket} layered on the channel's socket (blocking
 * calls park the virtual thread as plain ones do). TLS 1.3 and 1.2 only; clients verify the host name and send
 * SNI unless told otherwise.
 */
final class TlsTransport implements Transport {
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final SocketChannel channel;
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final SocketAddress remote;
    private final SocketAddress local;

    private TlsTransport(SocketChannel channel, SSLSocket socket) throws IOException {
        this.channel = channel;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.remote = channel.getRemoteAddress();
        this.local = channel.getLocalAddress();
    }

    /** Clients: the handshake happens in {@code wrap}, within the connect deadline. */
    static TransportFactory client(SSLContext context, String serverName, int port, boolean verifyHostname) {
        return channel -> {
            prepare(channel);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(channel.socket(), serverName,
                    port, true);
            SSLParameters params = socket.getSSLParameters();
            params.setProtocols(supported(socket));
            if (verifyHostname) {
                params.setEndpointIdentificationAlgorithm("HTTPS");
            }
            if (isHostName(serverName)) {
                params.setServerNames(List.of(new SNIHostName(serverName)));
            }
            socket.setSSLParameters(params);
            socket.setUseClientMode(true);
            socket.startHandshake();
            return new TlsTransport(channel, socket);
        };
    }

    /** Servers: the handshake happens on the first read, in the connection's own task. */
    static TransportFactory server(SSLContext context) {
        return channel -> {
            prepare(channel);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(channel.socket(), null,
                    channel.socket().getPort(), true);
            socket.setUseClientMode(false);
            SSLParameters params = socket.getSSLParameters();
            params.setProtocols(supported(socket));
            socket.setSSLParameters(params);
            return new TlsTransport(channel, socket);
        };
    }

    private static void prepare(SocketChannel channel) throws IOException {
        channel.configureBlocking(true);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    private static String[] supported(SSLSocket socket) {
        List<String> available = Arrays.asList(socket.getSupportedProtocols());
        return PROTOCOLS.stream().filter(available::contains).toArray(String[]::new);
    }

    private static boolean isHostName(String name) {
        return name != null && !name.isEmpty() && !name.contains(":") && !name.matches("[0-9.]+");
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (dst.hasArray()) {
            int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        byte[] chunk = new byte[Math.min(dst.remaining(), 16384)];
        int n = in.read(chunk);
        if (n > 0) {
            dst.put(chunk, 0, n);
        }
        return n;
    }

    @Override
    public void write(ByteBuffer[] srcs) throws IOException {
        for (ByteBuffer b : srcs) {
            if (b.hasArray()) {
                out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
                b.position(b.limit());
            } else {
                byte[] copy = new byte[b.remaining()];
                b.get(copy);
                out.write(copy);
            }
        }
        out.flush();
    }

    @Override
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput(); // close_notify, then FIN
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        abort();
    }

    @Override
    public void abort() {
        try {
            if (channel.isOpen()) {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
            channel.close();
        } catch (IOException | RuntimeException ignored) {
            // closed already
        }
    }

    @Override
    public SocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public SocketAddress localAddress() {
        return local;
    }
}
