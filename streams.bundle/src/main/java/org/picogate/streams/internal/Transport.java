package org.picogate.streams.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * The bytes under a {@link BufferedStream}: a socket, a TLS socket or an in-memory pipe. Calls block the
 * calling task. One task reads while another may write; {@link #abort()} may come from any thread and makes a
 * blocked read or write fail at once.
 */
public interface Transport {

    /**
     * Sets the connection up before any byte of the application flows (the TLS handshake of a server
     * connection); nothing for plain sockets and pipes. A server runs it in the connection's task before the
     * handler, under the read timeout.
     */
    default void handshake() throws IOException {
    }

    /** What {@link #readIfReady} returns when it cannot tell without waiting. */
    int NOT_KNOWN = -2;

    /** Reads at least one byte into {@code dst}, or returns -1 at end of input. */
    int read(ByteBuffer dst) throws IOException;

    /**
     * Reads what has arrived, without waiting: the bytes read, 0 if none are there yet, -1 at end of input; or
     * {@link #NOT_KNOWN} (nothing read) where the transport cannot tell without waiting, as by default.
     */
    default int readIfReady(ByteBuffer dst) throws IOException {
        return NOT_KNOWN;
    }

    /** Writes every remaining byte of {@code srcs}, in order. */
    void write(ByteBuffer[] srcs) throws IOException;

    /**
     * Writes {@code count} bytes of {@code file} from {@code position}; returns how many (fewer at the file's
     * end). Plain sockets use the kernel's zero-copy transfer; this default copies through a buffer.
     */
    default long transferFrom(java.nio.channels.FileChannel file, long position, long count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(count, 65536));
        long sent = 0;
        while (sent < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - sent));
            int n = file.read(buffer, position + sent);
            if (n < 0) {
                break;
            }
            buffer.flip();
            write(new ByteBuffer[] { buffer });
            sent += n;
        }
        return sent;
    }

    /** Sends end of output (FIN); reading goes on. */
    void shutdownOutput() throws IOException;

    /** Releases the transport; a blocked read fails. Idempotent, never throws. */
    void close();

    /** Releases it with a reset where there is one; unsent bytes are dropped. Idempotent, never throws. */
    void abort();

    SocketAddress remoteAddress();

    SocketAddress localAddress();
}
