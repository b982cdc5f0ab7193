package org.picogate.streams.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Plain TCP over a blocking {@link SocketChannel}. On a virtual thread a blocking call parks the task, not the
 * carrier; gathering writes go out as one {@code writev}.
 */
final class SocketTransport extends ChannelTransport {
    SocketTransport(SocketChannel channel) throws IOException {
        super(prepare(channel));
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
            if (n > 0) {
                sent += n;
                continue;
            }
            if (position + sent >= file.size()) {
                break;
            }
            // The socket's buffer is full. sendfile never waits here: the JDK keeps a virtual thread's socket
            // non-blocking underneath, so it returns 0 at once, and calling it again spun on the carrier (two slow
            // readers took both cores of a 2-core gateway, timers included). Wait the way writes wait: the next
            // piece goes through the channel, which parks the task until the peer takes it.
            long piece = writePiece(file, position + sent, Math.min(WAIT_PIECE, count - sent));
            if (piece < 0) {
                break; // the file ended early
            }
            sent += piece;
        }
        return sent;
    }

    /** Bytes a transfer blocked by a full socket buffer sends through a parking write before it tries sendfile. */
    private static final int WAIT_PIECE = 16384;

    /** Reads up to {@code max} bytes of the file at {@code at} and writes them; -1 at the file's end. */
    private long writePiece(java.nio.channels.FileChannel file, long at, long max) throws IOException {
        ByteBuffer piece = ByteBuffer.allocate((int) max);
        if (file.read(piece, at) < 0) {
            return -1;
        }
        piece.flip();
        int length = piece.remaining();
        while (piece.hasRemaining()) {
            channel.write(piece);
        }
        return length;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

}
