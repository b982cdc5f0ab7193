package org.picogate.http.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.function.Supplier;

import org.picogate.streams.Stream;
import org.picogate.streams.StreamState;

/**
 * The connection's stream as the answer writes it: every call that may wait for the client to take bytes (a
 * write past the stream's high-water mark, {@code drain}, a file transfer, the graceful {@code close}) must make
 * progress within the timeout (nginx's {@code send_timeout}), else the connection is aborted. Without it, a client
 * that requests a large answer and never reads it would hold its connection and task for as long as it likes.
 *
 * <p>The time counts only while such a call waits, never while the handler works between writes; a large write
 * goes in slices of {@link #SLICE} bytes, each with the whole timeout, so a slow client that keeps reading is
 * never cut however long the answer (the timeout bounds the time per 64 KiB, not per answer). The deadline is
 * the connection's own ({@link ConnectionDeadline}), as for body reads, so a write costs two field writes and no
 * timer. Writes from two tasks at once (server-sent events, a WebSocket) share that deadline: the first to end
 * clears it for both, so the other may then wait unbounded until its next call; a client that stops reading is
 * still cut at the next write.
 */
final class SendTimeoutStream implements Stream {
    /** Bytes a client must take within the timeout: a few socket buffers' worth. */
    static final int SLICE = 64 * 1024;

    private final Stream stream;
    private final ConnectionDeadline deadline;
    private final Supplier<Duration> timeout;

    /** @param timeout read at each call, so a configuration change reaches open connections */
    SendTimeoutStream(Stream stream, ConnectionDeadline deadline, Supplier<Duration> timeout) {
        this.stream = stream;
        this.deadline = deadline;
        this.timeout = timeout;
    }

    /** One step of writing that may wait for the client. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws IOException;
    }

    private <T> T timed(Step<T> step) throws IOException {
        Duration limit = timeout.get();
        if (!deadline.expireAfter(limit)) { // cut already, by a read's deadline or an earlier write's
            throw new IOException("the connection was cut: a deadline of it had passed");
        }
        try {
            return step.run();
        } catch (IOException e) {
            throw deadline.expired() ? timedOut(limit) : e;
        } finally {
            deadline.clear();
        }
    }

    private static IOException timedOut(Duration limit) {
        return new IOException("the client took no more of the answer for " + limit.toMillis() + " ms");
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
        write(new ByteBuffer[] { src });
    }

    @Override
    public void write(byte[] b) throws IOException {
        write(ByteBuffer.wrap(b));
    }

    /** In one call when it is one slice or less (head and body leave together), else slice by slice. */
    @Override
    public void write(ByteBuffer... srcs) throws IOException {
        long total = 0;
        for (ByteBuffer b : srcs) {
            total += b.remaining();
        }
        if (total <= SLICE) {
            timed(() -> {
                stream.write(srcs);
                return null;
            });
            return;
        }
        for (ByteBuffer b : srcs) {
            while (b.hasRemaining()) {
                ByteBuffer slice = b.slice(b.position(), Math.min(SLICE, b.remaining()));
                timed(() -> {
                    stream.write(slice);
                    return null;
                });
                b.position(b.position() + slice.capacity());
            }
        }
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        long sent = 0;
        while (sent < count) {
            long from = position + sent;
            long slice = Math.min(SLICE, count - sent);
            long n = timed(() -> stream.transferFrom(file, from, slice));
            sent += n;
            if (n < slice) {
                break; // the file ended
            }
        }
        return sent;
    }

    @Override
    public void drain() throws IOException {
        timed(() -> {
            stream.drain();
            return null;
        });
    }

    /** The graceful close drains what is buffered first: bounded like a write (its linger has its own bound). */
    @Override
    public void close() {
        if (!deadline.expireAfter(timeout.get())) {
            return; // aborted already
        }
        try {
            stream.close();
        } finally {
            deadline.clear();
        }
    }

    // ---- the rest as the stream does it ----

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return stream.read(dst);
    }

    @Override
    public byte[] read(int max) throws IOException {
        return stream.read(max);
    }

    @Override
    public byte[] readExactly(int n) throws IOException {
        return stream.readExactly(n);
    }

    @Override
    public String readLine(int maxBytes) throws IOException {
        return stream.readLine(maxBytes);
    }

    @Override
    public byte[] readUntil(byte[] separator, int maxBytes) throws IOException {
        return stream.readUntil(separator, maxBytes);
    }

    @Override
    public boolean awaitInput() throws IOException {
        return stream.awaitInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        timed(() -> { // TLS sends close_notify first, a write like any other
            stream.shutdownOutput();
            return null;
        });
    }

    @Override
    public void abort() {
        stream.abort();
    }

    @Override
    public StreamState state() {
        return stream.state();
    }

    @Override
    public SocketAddress remoteAddress() {
        return stream.remoteAddress();
    }

    @Override
    public SocketAddress localAddress() {
        return stream.localAddress();
    }

    @Override
    public void readTimeout(Duration t) {
        stream.readTimeout(t);
    }

    @Override
    public long bytesIn() {
        return stream.bytesIn();
    }

    @Override
    public long bytesOut() {
        return stream.bytesOut();
    }
}
