package org.picogate.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A request body that must arrive at a minimum rate: each {@link #WINDOW} bytes of it within the timeout (like
 * Apache's {@code mod_reqtimeout} body rate; the body of a slow-body attack trickles a byte at a time, each within
 * nginx's {@code client_body_timeout}, and would hold its connection and task for as long as it likes). A client
 * that stops sending is cut when the timeout passes; one that keeps sending 64 KiB per timeout never is.
 * The time counts only while a read waits, never while the handler works between reads; the deadline is the
 * connection's own ({@link ConnectionDeadline}), so a read costs two field writes, not a timer.
 */
final class TimedBodyStream extends BodyStream {
    /** Bytes that must arrive within the timeout; as for answers ({@link SendTimeoutStream#SLICE}). */
    static final int WINDOW = SendTimeoutStream.SLICE;

    private final InputStream body;
    private final ConnectionDeadline deadline;
    private final Duration timeout;
    /** Bytes read in the current window, and the waiting time it has left. */
    private long windowBytes;
    private long windowLeftNanos;

    TimedBodyStream(InputStream body, ConnectionDeadline deadline, Duration timeout) {
        this.body = body;
        this.deadline = deadline;
        this.timeout = timeout;
        this.windowLeftNanos = timeout.toNanos();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (windowBytes >= WINDOW) {
            windowBytes = 0;
            windowLeftNanos = timeout.toNanos();
        }
        // a window used up gives a deadline of now: its timer aborts the stream as for any deadline passed
        if (!deadline.expireAfter(Duration.ofNanos(Math.max(0, windowLeftNanos)))) {
            throw timedOut();
        }
        long start = deadline.nanoTime();
        int n = 0;
        try {
            n = body.read(b, off, len);
            return n;
        } catch (IOException e) {
            throw deadline.expired() ? timedOut() : e;
        } finally {
            deadline.clear();
            windowLeftNanos -= deadline.nanoTime() - start;
            windowBytes += Math.max(0, n);
        }
    }

    @Override
    public int available() throws IOException {
        return body.available();
    }

    private IOException timedOut() {
        return new IOException("the client sent less than " + WINDOW + " bytes of its body in "
                + timeout.toMillis() + " ms");
    }
}
