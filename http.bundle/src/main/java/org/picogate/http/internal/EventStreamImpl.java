package org.picogate.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.http.EventStream;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Timer;

/**
 * Server-sent events over a response's body stream. Every event is written and flushed under one lock, since the
 * heartbeat runs in a timer callback (a task of its own) while the handler sends from its task. The heartbeat
 * timer is armed for "heartbeat after the last write", so a busy stream sends no comments at all.
 *
 * <p>A failed write means the client has gone: the stream closes itself and every later send returns
 * {@code false}; the failure is not thrown, as there is nobody left to answer.
 */
final class EventStreamImpl implements EventStream {
    private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final Scheduler scheduler;
    private final long heartbeatNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private long lastWrite;
    private Timer timer;
    /** Written under the lock; read without it, so that {@code closed()} never waits behind a slow write. */
    private volatile boolean closed;

    /**
     * @param scheduler for the heartbeat timer; {@code null} for no heartbeat
     * @param heartbeat silence after which a comment goes out; zero for none
     */
    EventStreamImpl(OutputStream out, Scheduler scheduler, Duration heartbeat) {
        this.out = out;
        this.scheduler = heartbeat.isZero() ? null : scheduler;
        this.heartbeatNanos = heartbeat.toNanos();
        if (this.scheduler != null) {
            lock.lock();
            try {
                lastWrite = this.scheduler.clock().nanoTime();
                timer = this.scheduler.callLater(heartbeat, this::beat);
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public boolean send(String data) {
        return send(null, data, null);
    }

    @Override
    public boolean send(String event, String data) {
        return send(event, data, null);
    }

    @Override
    public boolean send(String event, String data, String id) {
        Objects.requireNonNull(data, "data");
        StringBuilder text = new StringBuilder(data.length() + 32);
        if (event != null) {
            text.append("event: ").append(oneLine("event", event)).append('\n');
        }
        if (id != null) {
            if (id.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("an event id cannot hold NUL"); // clients ignore such an id
            }
            text.append("id: ").append(oneLine("id", id)).append('\n');
        }
        for (String line : data.split("\r\n|\r|\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        return write(text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean retry(Duration reconnectDelay) {
        if (reconnectDelay.isNegative()) {
            throw new IllegalArgumentException("negative retry delay");
        }
        return write(("retry: " + reconnectDelay.toMillis() + "\n\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean comment(String text) {
        StringBuilder lines = new StringBuilder(text.length() + 8);
        for (String line : text.split("\r\n|\r|\n", -1)) {
            lines.append(": ").append(line).append('\n');
        }
        return write(lines.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            end();
        } finally {
            lock.unlock();
        }
    }

    private static String oneLine(String what, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an event " + what + " is one line");
        }
        return value;
    }

    private boolean write(byte[] bytes) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            out.write(bytes);
            out.flush();
            if (scheduler != null) {
                lastWrite = scheduler.clock().nanoTime();
            }
            return true;
        } catch (IOException clientGone) {
            end();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The timer: a comment if nothing went out for the heartbeat time, then armed again. */
    private void beat() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            long silent = scheduler.clock().nanoTime() - lastWrite;
            if (silent >= heartbeatNanos && !write(HEARTBEAT)) {
                return;
            }
            long next = Math.max(1, heartbeatNanos - (scheduler.clock().nanoTime() - lastWrite));
            timer = scheduler.callLater(Duration.ofNanos(next), this::beat);
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: stops the heartbeat and ends the body (the last chunk), once. */
    private void end() {
        if (closed) {
            return;
        }
        closed = true;
        if (timer != null) {
            timer.cancel();
        }
        try {
            out.close();
        } catch (IOException clientGone) {
            // the end of the body cannot reach a client that has gone; nothing else to do
        }
    }
}
