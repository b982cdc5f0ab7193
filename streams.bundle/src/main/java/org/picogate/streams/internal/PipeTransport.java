package org.picogate.streams.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

import org.picogate.scheduler.Channel;
import org.picogate.scheduler.ChannelClosedException;
import org.picogate.scheduler.Scheduler;

/**
 * One end of an in-memory connection. Each direction is a scheduler {@link Channel} of byte chunks (at most
 * {@link #CHUNK} bytes each, {@link #CHUNKS_IN_FLIGHT} of them): a full channel blocks the writer like a full
 * socket buffer; closing it is FIN; a reset flag on it makes the other end fail instead of seeing EOF.
 */
public final class PipeTransport implements Transport {
    static final int CHUNK = 16384;
    static final int CHUNKS_IN_FLIGHT = 64;

    /** One direction of the pipe. */
    private static final class Direction {
        final Channel<byte[]> chunks;
        volatile boolean reset;

        Direction(Scheduler scheduler) {
            chunks = scheduler.channel(CHUNKS_IN_FLIGHT);
        }

        void reset() {
            reset = true;
            chunks.close();
        }
    }

    /** An address naming the end of a pipe. */
    static final class PipeAddress extends SocketAddress {
        private static final long serialVersionUID = 1L;
        private final String name;

        PipeAddress(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Direction incoming;
    private final Direction outgoing;
    private final SocketAddress local;
    private final SocketAddress remote;
    private byte[] chunk;
    private int chunkPos;

    private PipeTransport(Direction incoming, Direction outgoing, String local, String remote) {
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.local = new PipeAddress(local);
        this.remote = new PipeAddress(remote);
    }

    /** Two connected ends. */
    public static PipeTransport[] pair(Scheduler scheduler) {
        Direction leftToRight = new Direction(scheduler);
        Direction rightToLeft = new Direction(scheduler);
        return new PipeTransport[] { new PipeTransport(rightToLeft, leftToRight, "pipe:left", "pipe:right"),
                new PipeTransport(leftToRight, rightToLeft, "pipe:right", "pipe:left") };
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (incoming.reset) {
            throw new IOException("connection reset");
        }
        if (chunk == null || chunkPos == chunk.length) {
            try {
                chunk = incoming.chunks.receive();
                chunkPos = 0;
            } catch (ChannelClosedException ended) {
                if (incoming.reset) {
                    throw new IOException("connection reset");
                }
                return -1;
            }
        }
        int n = Math.min(dst.remaining(), chunk.length - chunkPos);
        dst.put(chunk, chunkPos, n);
        chunkPos += n;
        return n;
    }

    @Override
    public void write(ByteBuffer[] srcs) throws IOException {
        for (ByteBuffer b : srcs) {
            while (b.hasRemaining()) {
                byte[] piece = new byte[Math.min(CHUNK, b.remaining())];
                b.get(piece);
                try {
                    outgoing.chunks.send(piece);
                } catch (ChannelClosedException closed) {
                    throw new IOException(outgoing.reset ? "connection reset" : "output is shut down");
                }
            }
        }
    }

    @Override
    public void shutdownOutput() {
        outgoing.chunks.close();
    }

    @Override
    public void close() {
        outgoing.chunks.close();
        incoming.reset(); // nothing more is read here: a blocked read ends
    }

    @Override
    public void abort() {
        outgoing.reset();
        incoming.reset();
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
