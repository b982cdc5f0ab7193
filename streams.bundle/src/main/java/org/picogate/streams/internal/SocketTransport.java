package org.picogate.streams.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Plain TCP over a blocking {@link SocketChannel}. On a virtual thread a blocking call parks the task, not the
 * carrier; gathering writes go out as one {@code writev}.
 */
final class SocketTransport implements Transport {
    private final SocketChannel channel;
    private final SocketAddress remote;
    private final SocketAddress local;

    SocketTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(true);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        this.remote = channel.getRemoteAddress();
        this.local = channel.getLocalAddress();
    }

    SocketChannel channel() {
        return channel;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    /**
     * On a virtual thread only: the JDK keeps the socket of a virtual thread non-blocking underneath, so switching
     * the channel's mode is a field write, not a system call (on a platform thread it would be four).
     */
    @Override
    public int readIfReady(ByteBuffer dst) throws IOException {
        if (!Thread.currentThread().isVirtual()) {
            return NOT_KNOWN;
        }
        channel.configureBlocking(false);
        try {
            return channel.read(dst);
        } finally {
            channel.configureBlocking(true);
        }
    }

    @Override
    public void write(ByteBuffer[] srcs) throws IOException {
        while (anyRemaining(srcs)) {
            channel.write(srcs);
        }
    }

    private static boolean anyRemaining(ByteBuffer[] srcs) {
        for (ByteBuffer b : srcs) {
            if (b.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long transferFrom(java.nio.channels.FileChannel file, long position, long count) throws IOException {
        long sent = 0;
        while (sent < count) {
            long n = file.transferTo(position + sent, count - sent, channel); // sendfile(2)
            if (n <= 0 && position + sent >= file.size()) {
                break;
            }
            sent += n;
        }
        return sent;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
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
