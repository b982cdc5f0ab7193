package org.picogate.streams;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One duplex byte stream: a TCP or TLS connection, or one end of an in-memory pipe. Not for concurrent use by
 * several tasks in the same direction; one task may read while another writes.
 */
@ProviderType
public interface Stream extends AutoCloseable {

    /**
     * Reads what is buffered, or else waits for at least one byte.
     *
     * @return bytes copied into {@code dst}, or -1 at end of input
     */
    int read(ByteBuffer dst) throws IOException;

    /** uasyncio's {@code read(n)}: up to {@code max} bytes; an empty array at end of input. */
    byte[] read(int max) throws IOException;

    /**
     * Exactly {@code n} bytes.
     *
     * @throws IncompleteReadException if input ends first; it carries the bytes read
     */
    byte[] readExactly(int n) throws IOException;

    /**
     * A line without its end ({@code \n} or {@code \r\n}), decoded as UTF-8.
     *
     * @return the line, or {@code null} at end of input with nothing buffered; a last line without an end is
     *         returned as is
     * @throws LimitExceededException if no line end is found within {@code maxBytes} (line end included);
     *         nothing beyond {@code maxBytes} is buffered for it
     */
    String readLine(int maxBytes) throws IOException;

    /**
     * Bytes up to and including {@code separator}.
     *
     * @throws LimitExceededException if the separator is not within {@code maxBytes}
     * @throws IncompleteReadException if input ends first; it carries the bytes read
     */
    byte[] readUntil(byte[] separator, int maxBytes) throws IOException;

    /** Buffers {@code src}; blocks the calling task while more than the high-water mark is buffered. */
    void write(ByteBuffer src) throws IOException;

    /** Buffers {@code b}; see {@link #write(ByteBuffer)}. */
    void write(byte[] b) throws IOException;

    /** Writes several buffers (such as a header and a body) with one gathering system call where possible. */
    void write(ByteBuffer... srcs) throws IOException;

    /**
     * Sends {@code count} bytes of {@code file} from {@code position}, after what is buffered: with the kernel's
     * zero-copy {@code sendfile} on a plain socket, through a buffer otherwise.
     *
     * @return bytes sent; fewer than {@code count} only if the file is shorter
     */
    long transferFrom(java.nio.channels.FileChannel file, long position, long count) throws IOException;

    /**
     * Waits until input is buffered (at least one byte) or has ended, without taking any of it: a server can tell
     * an idle connection from one that has started a request.
     *
     * @return {@code false} at end of input
     */
    boolean awaitInput() throws IOException;

    /** Returns once every byte written so far is in the kernel. */
    void drain() throws IOException;

    /** Drains, then half-closes: sends FIN and keeps reading. See {@link StreamState#OUTPUT_SHUT}. */
    void shutdownOutput() throws IOException;

    /** Graceful close; see {@link StreamState#CLOSED}. Never throws; closing twice is harmless. */
    @Override
    void close();

    /** Immediate close with a reset; buffered bytes are discarded. Harmless when already closed. */
    void abort();

    StreamState state();

    SocketAddress remoteAddress();

    SocketAddress localAddress();

    /**
     * Deadline for each blocking read from now on, on the scheduler's clock; {@link Duration#ZERO} for none.
     * A read that passes it throws {@link ReadTimeoutException} and aborts the stream (its input is in an
     * unknown state).
     */
    void readTimeout(Duration timeout);

    /** Bytes read from and written to the peer so far. */
    long bytesIn();

    long bytesOut();
}
