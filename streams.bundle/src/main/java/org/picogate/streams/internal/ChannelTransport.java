package org.picogate.streams.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * What the transports over a connected {@link SocketChannel} (plain TCP, and TLS on top of it) share: the channel
 * set up the same way, its addresses, and how it ends: {@link #close()} with a FIN, {@link #abort()} with a reset.
 */
abstract class ChannelTransport implements Transport {
    final SocketChannel channel;
    /** Read once: a closed channel no longer tells them, and a failed connection is logged by its address. */
    private final SocketAddress remote;
    private final SocketAddress local;

    ChannelTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.remote = channel.getRemoteAddress();
        this.local = channel.getLocalAddress();
    }

    /**
     * Blocking mode, in which a virtual thread parks rather than holds its carrier; no Nagle delay, as the stream
     * above gathers its writes itself. Returns {@code channel}.
     */
    static SocketChannel prepare(SocketChannel channel) throws IOException {
        channel.configureBlocking(true);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return channel;
    }

    @Override
    public void close() {
        Channels.close(channel);
    }

    @Override
    public void abort() {
        Channels.reset(channel);
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
