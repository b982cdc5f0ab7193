package org.picogate.streams.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.scheduler.CancelledException;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Timer;
import org.picogate.streams.IncompleteReadException;
import org.picogate.streams.LimitExceededException;
import org.picogate.streams.ReadTimeoutException;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamState;

/**
 * The one {@link Stream} implementation; what differs between TCP, TLS and pipes is the {@link Transport}.
 *
 * <p>Reading: bytes arrive in {@link #in} between {@link #inPos} and {@link #inLimit}; a read that finds too
 * little there refills it with one transport read. The buffer starts at {@code readBufferSize} and grows only
 * for a line or separator search, never past that read's maximum. Big {@code readExactly} and {@code read}
 * calls bypass it.
 *
 * <p>Writing: small writes are copied into {@link #out}; a write that would take it past the high-water mark
 * goes to the transport at once together with what is buffered, as one gathering write that blocks the task
 * while the kernel is full. So does a big write (at least {@link #BIG_WRITE} bytes) that does not fit in
 * {@link #out} as it is: copying it would cost a copy and a grown buffer per stream (an HTTP response head
 * and its file body went out as one copy of both), for no fewer system calls. {@link #drain()} writes what is
 * buffered.
 *
 * <p>State changes (see {@link StreamState}) happen under {@link #stateLock}; the reading side and the writing
 * side may be used by two tasks at once.
 */
public final class BufferedStream implements Stream {
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] LF = { '\n' };
    /** A write this big that does not fit in the output buffer goes out at once instead of growing it. */
    static final int BIG_WRITE = 1024;

    private final Transport transport;
    private final Scheduler scheduler;
    private final StreamSettings settings;
    private final Runnable onFinal;
    private final long createdNanos;
    private final ReentrantLock stateLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile StreamState state = StreamState.OPEN;
    private volatile Duration readTimeout = Duration.ZERO;
    private volatile boolean readTimedOut;
    /** close() or abort() was called (as opposed to both directions ending): reading now fails. */
    private volatile boolean closedByCall;

    private byte[] in;
    private int inPos;
    private int inLimit;
    private boolean inputEnded;
    private volatile long bytesIn;

    private byte[] out = EMPTY;
    private int outLength;
    private volatile long bytesOut;

    /**
     * @param scheduler whose clock and timers implement read timeouts and the close linger
     * @param onFinal run once when the stream becomes CLOSED or ABORTED (a server forgets the connection)
     */
    public BufferedStream(Transport transport, Scheduler scheduler, StreamSettings settings, Runnable onFinal) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onFinal = onFinal == null ? () -> { } : onFinal;
        this.in = new byte[settings.readBufferSize()];
        this.createdNanos = scheduler.clock().nanoTime();
    }

    // ---- reading ----

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (buffered() == 0) {
            if (dst.remaining() >= in.length) {
                return readFromTransport(dst); // big read: straight into the caller's buffer
            }
            if (fill() < 0) {
                return -1;
            }
        }
        int n = Math.min(dst.remaining(), buffered());
        dst.put(in, inPos, n);
        inPos += n;
        return n;
    }

    @Override
    public byte[] read(int max) throws IOException {
        requireNonNegative(max, "max");
        if (max == 0) {
            return EMPTY;
        }
        if (buffered() == 0 && fill() < 0) {
            return EMPTY;
        }
        return take(Math.min(max, buffered()));
    }

    @Override
    public byte[] readExactly(int n) throws IOException {
        requireNonNegative(n, "n");
        if (buffered() >= n) {
            return take(n);
        }
        byte[] result = new byte[n];
        int have = buffered();
        System.arraycopy(in, inPos, result, 0, have);
        inPos = inLimit = 0;
        ByteBuffer rest = ByteBuffer.wrap(result, have, n - have);
        while (rest.hasRemaining()) {
            if (readFromTransport(rest) < 0) {
                throw new IncompleteReadException(Arrays.copyOf(result, rest.position()), n);
            }
        }
        return result;
    }

    @Override
    public String readLine(int maxBytes) throws IOException {
        requirePositive(maxBytes, "maxBytes");
        int end = find(LF, maxBytes, "line");
        if (end < 0) {
            if (buffered() == 0) {
                return null;
            }
            byte[] last = take(buffered()); // a last line without an end
            return decode(last, last.length);
        }
        byte[] line = take(end + 1 - inPos);
        int length = line.length - 1;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return decode(line, length);
    }

    @Override
    public byte[] readUntil(byte[] separator, int maxBytes) throws IOException {
        Objects.requireNonNull(separator, "separator");
        if (separator.length == 0) {
            throw new IllegalArgumentException("separator must not be empty");
        }
        requirePositive(maxBytes, "maxBytes");
        int end = find(separator, maxBytes, "input up to the separator");
        if (end < 0) {
            throw new IncompleteReadException(take(buffered()), -1);
        }
        return take(end + 1 - inPos);
    }

    /**
     * Index in {@link #in} of the last byte of the first {@code separator} within {@code maxBytes} of
     * buffered input, reading more as needed; -1 if input ends first.
     */
    private int find(byte[] separator, int maxBytes, String what) throws IOException {
        int searchFrom = inPos;
        while (true) {
            int limit = Math.min(inLimit, inPos + maxBytes);
            int at = indexOf(separator, searchFrom, limit);
            if (at >= 0) {
                return at + separator.length - 1;
            }
            if (inLimit - inPos >= maxBytes) {
                throw new LimitExceededException(what, maxBytes);
            }
            searchFrom = Math.max(inPos, limit - separator.length + 1);
            int offset = searchFrom - inPos;
            if (fill(maxBytes) < 0) {
                return -1;
            }
            searchFrom = inPos + offset;
        }
    }

    private int indexOf(byte[] separator, int from, int to) {
        byte first = separator[0];
        for (int i = from; i <= to - separator.length; i++) {
            if (in[i] == first && Arrays.equals(in, i, i + separator.length, separator, 0, separator.length)) {
                return i;
            }
        }
        return -1;
    }

    private int fill() throws IOException {
        return fill(in.length);
    }

    /**
     * Reads more input after what is buffered, making room first (compacting, or growing the buffer, but not
     * past {@code maxBuffered}). Returns bytes read, or -1 at end of input.
     */
    private int fill(int maxBuffered) throws IOException {
        requireReadable();
        if (inputEnded) {
            return -1;
        }
        int buffered = buffered();
        if (inPos > 0 && (inLimit == in.length || buffered == 0)) {
            System.arraycopy(in, inPos, in, 0, buffered);
            inPos = 0;
            inLimit = buffered;
        }
        if (inLimit == in.length) {
            in = Arrays.copyOf(in, Math.max(in.length, Math.min(maxBuffered, in.length * 2)));
        }
        int n = readFromTransport(ByteBuffer.wrap(in, inLimit, in.length - inLimit));
        if (n > 0) {
            inLimit += n;
        }
        return n;
    }

    /** One transport read under the read timeout; keeps the state machine and counters up to date. */
    private int readFromTransport(ByteBuffer dst) throws IOException {
        requireReadable();
        if (inputEnded) {
            return -1;
        }
        int n = underReadTimeout(() -> transport.read(dst));
        if (n < 0) {
            inputEnded();
        } else {
            bytesIn += n;
        }
        return n;
    }

    /**
     * Runs the transport's set-up (the TLS handshake of a server connection) as a read: under the read
     * timeout, aborting the stream if it fails or is cancelled.
     */
    public void handshake() throws IOException {
        requireReadable();
        underReadTimeout(() -> {
            transport.handshake();
            return 0;
        });
    }

    /** A blocking transport call that waits for the peer. */
    @FunctionalInterface
    private interface PeerWait {
        int call() throws IOException;
    }

    private int underReadTimeout(PeerWait call) throws IOException {
        Duration timeout = readTimeout;
        Timer timer = timeout.isZero() ? null : scheduler.callLater(timeout, this::readTimedOut);
        try {
            return call.call();
        } catch (IOException failure) {
            throw readFailed(failure, timeout);
        } catch (CancelledException cancelled) { // a transport that waits on the scheduler (a pipe)
            abort();
            throw cancelled;
        } finally {
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    private void requireReadable() throws IOException {
        StreamState s = state;
        if (closedByCall || s == StreamState.ABORTED) {
            throw new IOException("stream is " + s.name().toLowerCase());
        }
    }

    private void readTimedOut() {
        readTimedOut = true;
        abort();
    }

    private IOException readFailed(IOException failure, Duration timeout) {
        abort();
        if (readTimedOut) {
            ReadTimeoutException timedOut = new ReadTimeoutException(timeout);
            timedOut.initCause(failure);
            return timedOut;
        }
        if (failure instanceof ClosedByInterruptException || failure instanceof InterruptedIOException
                || Thread.currentThread().isInterrupted()) {
            Thread.interrupted();
            CancelledException cancelled = new CancelledException(
                    Thread.currentThread().getName() + " was cancelled while reading; the stream is aborted");
            cancelled.initCause(failure);
            throw cancelled;
        }
        return failure;
    }

    private int buffered() {
        return inLimit - inPos;
    }

    private byte[] take(int n) {
        byte[] bytes = Arrays.copyOfRange(in, inPos, inPos + n);
        inPos += n;
        return bytes;
    }

    private static String decode(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    // ---- writing ----

    @Override
    public void write(byte[] b) throws IOException {
        write(ByteBuffer.wrap(Objects.requireNonNull(b, "b")));
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
        write(new ByteBuffer[] { Objects.requireNonNull(src, "src") });
    }

    @Override
    public void write(ByteBuffer... srcs) throws IOException {
        long total = 0;
        for (ByteBuffer b : srcs) {
            total += Objects.requireNonNull(b, "srcs[]").remaining();
        }
        writeLock.lock();
        try {
            requireWritable();
            long buffered = outLength + total;
            if (buffered <= settings.highWaterMark() && (total < BIG_WRITE || buffered <= out.length)) {
                for (ByteBuffer b : srcs) {
                    append(b);
                }
                return;
            }
            if (outLength == 0) {
                writeToTransport(srcs, total);
                return;
            }
            ByteBuffer[] all = new ByteBuffer[srcs.length + 1];
            all[0] = ByteBuffer.wrap(out, 0, outLength);
            System.arraycopy(srcs, 0, all, 1, srcs.length);
            writeToTransport(all, outLength + total);
            outLength = 0;
        } finally {
            writeLock.unlock();
        }
    }

    private void append(ByteBuffer b) {
        int n = b.remaining();
        if (outLength + n > out.length) {
            out = Arrays.copyOf(out, Math.min(settings.highWaterMark(), Math.max(outLength + n, out.length * 2)));
        }
        b.get(out, outLength, n);
        outLength += n;
    }

    @Override
    public long transferFrom(java.nio.channels.FileChannel file, long position, long count) throws IOException {
        Objects.requireNonNull(file, "file");
        if (position < 0 || count < 0) {
            throw new IllegalArgumentException("position and count must not be negative: " + position + ", " + count);
        }
        writeLock.lock();
        try {
            requireWritable();
            flush();
            long sent;
            try {
                sent = transport.transferFrom(file, position, count);
            } catch (IOException failure) {
                writeFailed(failure);
                throw failure;
            }
            bytesOut += sent;
            return sent;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public boolean awaitInput() throws IOException {
        return buffered() > 0 || fill() >= 0;
    }

    @Override
    public void drain() throws IOException {
        writeLock.lock();
        try {
            requireWritable();
            flush();
        } finally {
            writeLock.unlock();
        }
    }

    private void flush() throws IOException {
        if (outLength > 0) {
            writeToTransport(new ByteBuffer[] { ByteBuffer.wrap(out, 0, outLength) }, outLength);
            outLength = 0;
        }
    }

    private void writeToTransport(ByteBuffer[] srcs, long total) throws IOException {
        try {
            transport.write(srcs);
            bytesOut += total;
        } catch (IOException failure) {
            writeFailed(failure);
            throw failure;
        }
    }

    /** A failed write leaves the output in an unknown state: abort; a write ended by a cancel is a cancellation. */
    private void writeFailed(IOException failure) {
        abort();
        if (failure instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
            Thread.interrupted();
            CancelledException cancelled = new CancelledException(
                    Thread.currentThread().getName() + " was cancelled while writing; the stream is aborted");
            cancelled.initCause(failure);
            throw cancelled;
        }
    }

    private void requireWritable() throws IOException {
        StreamState s = state;
        if (!s.canWrite()) {
            throw new IOException(s == StreamState.OUTPUT_SHUT ? "output is shut down; the stream only reads now"
                    : "stream is " + s.name().toLowerCase());
        }
    }

    // ---- closing ----

    @Override
    public void shutdownOutput() throws IOException {
        writeLock.lock();
        try {
            requireWritable();
            flush();
            transport.shutdownOutput();
        } finally {
            writeLock.unlock();
        }
        move(StreamState.OUTPUT_SHUT);
    }

    /** Peer's EOF read: OPEN becomes INPUT_EOF, OUTPUT_SHUT becomes CLOSED. */
    private void inputEnded() {
        inputEnded = true;
        move(StreamState.INPUT_EOF);
    }

    /** Ends one direction; when both have ended the stream is released. */
    private void move(StreamState halfClosed) {
        boolean release = false;
        stateLock.lock();
        try {
            StreamState s = state;
            if (s == StreamState.OPEN) {
                state = halfClosed;
            } else if (s != halfClosed && !s.isFinal()) {
                release = true;
                state = StreamState.CLOSED;
            }
        } finally {
            stateLock.unlock();
        }
        if (release) {
            transport.close();
            onFinal.run();
        }
    }

    @Override
    public void close() {
        if (state.isFinal()) {
            return;
        }
        closedByCall = true;
        try {
            if (state.canWrite()) {
                shutdownOutput();
            }
            if (!state.isFinal()) {
                lingerForPeerEof();
            }
        } catch (CancelledException cancelled) {
            abort();
            Thread.currentThread().interrupt(); // close() does not throw: keep the cancellation for the caller
            return;
        } catch (IOException | RuntimeException failure) {
            abort();
            return;
        }
        finish(StreamState.CLOSED);
    }

    /** After our FIN: reads and drops input until the peer's EOF, at most the linger time and byte count. */
    private void lingerForPeerEof() throws IOException {
        if (settings.linger().isZero()) {
            return;
        }
        ByteBuffer sink = ByteBuffer.wrap(in);
        inPos = inLimit = 0;
        long left = settings.lingerMaxBytes();
        // Most peers have sent their FIN by now (an HTTP client that read its answer): when it is there already,
        // the linger needs no timer (a schedule and a cancel on the scheduler's timer heap per connection).
        for (int n; left > 0; left -= n) {
            n = transport.readIfReady(sink.clear());
            if (n == -1) {
                inputEnded = true;
                return;
            }
            if (n <= 0) {
                break; // nothing there yet, or the transport cannot tell: wait for it, bounded
            }
        }
        Timer timer = scheduler.callLater(settings.linger(), transport::close);
        try {
            while (left > 0) {
                int n = transport.read(sink.clear());
                if (n < 0) {
                    inputEnded = true;
                    break;
                }
                left -= n;
            }
        } catch (IOException lingerEndedOrPeerReset) {
            // the linger timer closed the transport, or the peer reset: either way we are done
        } finally {
            timer.cancel();
        }
    }

    @Override
    public void abort() {
        closedByCall = true;
        finish(StreamState.ABORTED);
    }

    private void finish(StreamState end) {
        stateLock.lock();
        try {
            if (state.isFinal()) {
                return;
            }
            state = end;
        } finally {
            stateLock.unlock();
        }
        if (end == StreamState.ABORTED) {
            transport.abort();
        } else {
            transport.close();
        }
        outLength = 0;
        onFinal.run();
    }

    // ---- the rest ----

    @Override
    public StreamState state() {
        return state;
    }

    @Override
    public SocketAddress remoteAddress() {
        return transport.remoteAddress();
    }

    @Override
    public SocketAddress localAddress() {
        return transport.localAddress();
    }

    @Override
    public void readTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        this.readTimeout = timeout;
    }

    @Override
    public long bytesIn() {
        return bytesIn;
    }

    @Override
    public long bytesOut() {
        return bytesOut;
    }

    /** Whether it runs over TLS, for the runtime snapshot. */
    public boolean isTls() {
        return transport instanceof TlsTransport;
    }

    /** When the stream was made, on the scheduler's clock: {@code picogate:conns} shows its age. */
    public long createdNanos() {
        return createdNanos;
    }

    private static void requireNonNegative(int n, String name) {
        if (n < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + n);
        }
    }

    private static void requirePositive(int n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + n);
        }
    }

    @Override
    public String toString() {
        return "Stream[" + remoteAddress() + ", " + state + ", in=" + bytesIn + ", out=" + bytesOut + "]";
    }
}
