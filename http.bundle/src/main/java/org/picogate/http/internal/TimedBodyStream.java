package org.picogate.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A request body whose every read must make progress within a timeout (nginx's {@code client_body_timeout}):
 * a client that stops sending in the middle of its body would otherwise hold its connection, and a task, for as
 * long as it likes. The time counts only while a read waits, never while the handler works; the deadline is the
 * connection's own ({@link ConnectionDeadline}), so a read costs two field writes, not a timer.
 */
final class TimedBodyStream extends BodyStream {
    private final InputStream body;
    private final ConnectionDeadline deadline;
    private final Duration timeout;

    TimedBodyStream(InputStream body, ConnectionDeadline deadline, Duration timeout) {
        this.body = body;
        this.deadline = deadline;
        this.timeout = timeout;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (!deadline.expireAfter(timeout)) {
            throw timedOut();
        }
        try {
            return body.read(b, off, len);
        } catch (IOException e) {
            throw deadline.expired() ? timedOut() : e;
        } finally {
            deadline.clear();
        }
    }

    @Override
    public int available() throws IOException {
        return body.available();
    }

    private IOException timedOut() {
        return new IOException("the client sent no more of its body for " + timeout.toMillis() + " ms");
    }
}
