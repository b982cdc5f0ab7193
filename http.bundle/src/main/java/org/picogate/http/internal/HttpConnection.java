package org.picogate.http.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.runtime.ConnectionDTO;
import org.picogate.http.runtime.HttpRuntime;
import org.picogate.scheduler.CancelledException;
import org.picogate.scheduler.Scheduler;
import org.picogate.streams.Stream;

/**
 * One HTTP/1.x connection, served in its own task: requests are read and answered one after another, pipelined
 * ones too (they wait in the stream's buffer). Timing rules:
 * <ul>
 * <li>between requests the connection may be idle for {@code idleTimeout};</li>
 * <li>from the first byte of a request to the end of its head at most {@code headerTimeout} in all, so a client
 * trickling one byte a second is cut off.</li>
 * </ul>
 * Either way the stream is aborted (no answer is owed). Both are one {@link ConnectionDeadline}, moved per request
 * without touching the timer heap.
 * A request that breaks the protocol is answered with its 4xx and {@code Connection: close}, and nothing more
 * is read: after a framing error the next "request" could be anything (request smuggling).
 *
 * <p>When its listener is retired ({@link ConnectionDrain}), a connection waiting for its next request is closed
 * by the retiring task ({@link #closeIfIdle()}), and one serving a request closes once it has answered. The
 * {@link Phase} under {@link #phaseLock} decides which of the two tasks closes it, so that exactly one does:
 * a request that arrives as the retiring task shuts the output is left unanswered (the client saw no byte of an
 * answer and may retry it), never half-answered. A connection that has not served a request yet is not closed
 * there: its client has just connected and gets its first answer, with {@code Connection: close}.
 */
final class HttpConnection {
    static final System.Logger LOG = System.getLogger("org.picogate.http");
    /** Unread request body the server reads and drops to keep a connection; more and it closes instead. */
    private static final long SKIP_LIMIT = 64 * 1024;
    /** The {@code Allow} of the answer to {@code OPTIONS *}. */
    static final String SERVER_WIDE_ALLOW = "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS";

    private final Stream stream;
    private final Scheduler scheduler;
    private final Supplier<HttpLimits> limits;
    private final Supplier<Handler> handler;
    private final DateHeader date;
    private final FileResponder files;
    private final AtomicLong requestIds;
    private final ConnectionDrain drain;
    /** The response being made, for the retiring task: a WebSocket is told that the server goes away. */
    private volatile ResponseImpl serving;
    /** Supplies the access log, or {@code null} while it is off. */
    private final Supplier<AccessLog> accessLog;
    private final RequestMetrics metrics;
    private final ReentrantLock phaseLock = new ReentrantLock();
    private Phase phase = Phase.NEW;
    /** Requests answered before the current one; set with {@link #phase}, for {@link #describe}. */
    private int answered;
    /** When the connection began, on the scheduler's clock: one clock read per connection, none per request. */
    private final long openedNanos;

    /** Where the connection is between requests; changed under {@link #phaseLock}. */
    private enum Phase {
        /** Waiting for (or serving) its first request. */
        NEW,
        /** Waiting for its next request: the retiring task may close it. */
        IDLE,
        /** Serving a request. */
        BUSY,
        /** Closed by the retiring task while idle. */
        CLOSED_IDLE
    }

    HttpConnection(Stream stream, Scheduler scheduler, Supplier<HttpLimits> limits, Supplier<Handler> handler,
            DateHeader date, FileResponder files, AtomicLong requestIds, ConnectionDrain drain,
            Supplier<AccessLog> accessLog, RequestMetrics metrics) {
        this.stream = stream;
        this.scheduler = scheduler;
        this.limits = limits;
        this.handler = handler;
        this.date = date;
        this.files = files;
        this.requestIds = requestIds;
        this.drain = drain;
        this.accessLog = accessLog;
        this.metrics = metrics;
        this.openedNanos = scheduler.clock().nanoTime();
    }

    void serve() throws IOException {
        HttpLimits first = limits.get();
        stream.readTimeout(Duration.ZERO); // reads are bounded by the connection's deadline, not per read
        drain.opened(this);
        try (ConnectionDeadline deadline = new ConnectionDeadline(scheduler, stream,
                min(first.headerTimeout(), first.idleTimeout()))) {
            serve(deadline);
        } finally {
            drain.closed(this);
        }
    }

    private void serve(ConnectionDeadline deadline) throws IOException {
        // what answers write: each write must progress within the idle timeout (a client that never reads is cut)
        Stream out = new SendTimeoutStream(stream, deadline, () -> limits.get().idleTimeout());
        for (int served = 0;; ) {
            HttpLimits l = limits.get();
            if (served > 0 && !becomeIdle(served)) {
                return; // the listener is being retired: no more requests on this connection
            }
            if (!awaitRequest(deadline, l)) {
                return; // the client closed between requests, or stayed idle too long
            }
            if (!becomeBusy()) {
                return; // closed by the retiring task meanwhile: this request gets no answer, and may be retried
            }
            AccessLog log = accessLog.get(); // null while off: then nothing below reads a clock for it
            long started = scheduler.clock().nanoTime(); // the metrics' latency, and the access log's
            long sentBefore = log == null ? 0 : stream.bytesOut();
            RequestHead head = readHead(deadline, out, l, log, started);
            if (head == null) {
                return;
            }
            served++;
            boolean keepAlive = head.keepAlive() && served < l.maxRequestsPerConnection() && !drain.started();
            // the form limits as of now, not of when the connection began to wait: a change applies to the next request
            RequestImpl request = new RequestImpl(head, stream, l.maxBody(), deadline, l.idleTimeout(),
                    limits.get().forms());
            ResponseImpl response = new ResponseImpl(out, head, keepAlive, date, files, scheduler);
            serving = response;
            if ("OPTIONS".equals(head.method()) && "*".equals(head.target())) {
                // OPTIONS * asks about the server, not a resource (RFC 9110 9.3.7): the server answers it, with
                // Content-Length: 0 (a MUST there) and the methods it passes on, and no application handler sees
                // it (a router would otherwise answer 404 for the path "*").
                response.header("Allow", SERVER_WIDE_ALLOW).send(new byte[0]);
            } else if (!answer(request, response)) {
                logRequest(log, head, request, response.status(), started, sentBefore);
                return;
            }
            response.finish();
            if (response.upgraded()) {
                logRequest(log, head, request, response.status(), started, sentBefore);
                return; // a WebSocket: finish() ended it and closed the stream, which is no longer HTTP
            }
            boolean aligned = response.keepAlive() && request.skipRest(SKIP_LIMIT);
            out.drain();
            logRequest(log, head, request, response.status(), started, sentBefore);
            if (!aligned) {
                out.close();
                return;
            }
        }
    }

    /** Between requests; {@code false} if the listener is being retired and the connection is to end. */
    private boolean becomeIdle(int served) {
        phaseLock.lock();
        try {
            if (drain.started()) {
                return false;
            }
            phase = Phase.IDLE;
            answered = served; // under the lock the connection takes anyway: no cost of its own per request
            return true;
        } finally {
            phaseLock.unlock();
        }
    }

    /** A request arrived; {@code false} if the retiring task closed the connection first. */
    private boolean becomeBusy() {
        phaseLock.lock();
        try {
            if (phase == Phase.CLOSED_IDLE) {
                return false;
            }
            phase = Phase.BUSY;
            return true;
        } finally {
            phaseLock.unlock();
        }
    }

    /**
     * Called by the retiring task: shuts the output of a connection that waits for its next request (a FIN).
     * The connection's own task then sees the client's end of input (or a request it leaves unanswered) and
     * ends; its server closes the stream, reading what the client still sends for the linger time.
     */
    void closeIfIdle() {
        phaseLock.lock();
        try {
            if (phase != Phase.IDLE) {
                ResponseImpl busy = serving;
                if (busy != null) {
                    busy.goingAway(); // a WebSocket ends by a closing handshake, never "after its answer"
                }
                return;
            }
            phase = Phase.CLOSED_IDLE;
            stream.shutdownOutput();
        } catch (IOException | RuntimeException alreadyGone) {
            // closed or aborted meanwhile: nothing left to shut
        } finally {
            phaseLock.unlock();
        }
    }

    /**
     * The connection as of {@code now} (scheduler clock), for {@link HttpRuntime#connections()}. Takes the phase
     * lock for two reads so that phase and count agree; the bytes are the stream's own counters.
     */
    ConnectionDTO describe(long now, int localPort, boolean tls) {
        ConnectionDTO.Phase p;
        int n;
        phaseLock.lock();
        try {
            p = switch (phase) {
                case NEW -> ConnectionDTO.Phase.NEW;
                case IDLE -> ConnectionDTO.Phase.IDLE;
                case BUSY -> ConnectionDTO.Phase.BUSY;
                case CLOSED_IDLE -> ConnectionDTO.Phase.CLOSING;
            };
            n = answered;
        } finally {
            phaseLock.unlock();
        }
        return new ConnectionDTO(address(stream.remoteAddress()), localPort,
                Duration.ofNanos(Math.max(0, now - openedNanos)), n, p, stream.bytesIn(), stream.bytesOut(), tls);
    }

    /** {@code 127.0.0.1:8080} or {@code [::1]:8080}, without the JDK's leading slash or empty host name. */
    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    /**
     * Waits, at most the idle timeout, for the first byte of the next request. Returns {@code false} if the
     * client closed, or was idle too long (the stream is aborted then: no answer is owed).
     */
    private boolean awaitRequest(ConnectionDeadline deadline, HttpLimits l) throws IOException {
        deadline.expireAfter(l.idleTimeout());
        try {
            return stream.awaitInput();
        } catch (IOException e) {
            if (deadline.expired()) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The next request head, read within the header timeout from its first byte; or {@code null} when the
     * connection is done (cut off for slowness, or refused).
     */
    private RequestHead readHead(ConnectionDeadline deadline, Stream out, HttpLimits l, AccessLog log,
            long started) throws IOException {
        if (!deadline.expireAfter(l.headerTimeout())) {
            return null;
        }
        RequestHead head;
        try {
            head = RequestParser.readHead(stream, l);
        } catch (HttpException refused) {
            if (deadline.clear()) {
                long sentBefore = stream.bytesOut();
                refuse(out, refused);
                logRequest(log, null, null, refused.status(), started, sentBefore);
            }
            return null;
        } catch (IOException e) {
            if (deadline.expired()) {
                return null; // cut off: the stream is aborted
            }
            throw e;
        }
        return deadline.clear() ? head : null; // the deadline passed as the head ended: aborted anyway
    }

    /**
     * Counts the request in the metrics, and writes its access log line if the log is on ({@code log} not null);
     * {@code head} and {@code request} null for a refused request.
     */
    private void logRequest(AccessLog log, RequestHead head, RequestImpl request, int status, long started,
            long sentBefore) {
        long nanos = scheduler.clock().nanoTime() - started;
        metrics.record(request == null ? null : request.route(), head == null ? null : head.method(), status, nanos);
        if (log != null) {
            log.request(stream.remoteAddress(), head, status, stream.bytesOut() - sentBefore, nanos / 1000);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Answers a request that breaks the protocol, then ends the connection. */
    private void refuse(Stream out, HttpException refused) throws IOException {
        ResponseImpl response = new ResponseImpl(out, RequestHeads.UNPARSED, false, date, files);
        response.sendError(refused);
        out.close();
    }

    /** Runs the handler; returns {@code false} if the connection had to be aborted. */
    private boolean answer(RequestImpl request, ResponseImpl response) throws IOException {
        try {
            handler.get().handle(request, response);
            return true;
        } catch (HttpException e) {
            if (response.answerStarted()) {
                response.failAfterCommit();
                return false;
            }
            if (e.status() == 413 || e.status() == 400) {
                response.closeAfter(); // a body we could not read to its end: the stream is not aligned
            }
            response.sendError(e);
            return true;
        } catch (CancelledException cancelled) {
            throw cancelled;
        } catch (InterruptedException cut) {
            // The task was cancelled while the handler waited outside the scheduler (a JDK latch or lock): its
            // server closes past the shutdown grace, or its bundle stops. The request did not fail: no 500 and no
            // warning; the task ends cancelled.
            CancelledException cancelled = new CancelledException("request " + request.method() + " "
                    + request.target() + " was cancelled while its handler waited");
            cancelled.initCause(cut);
            throw cancelled;
        } catch (Exception failure) {
            String id = "r" + requestIds.incrementAndGet();
            LOG.log(Level.WARNING, () -> "request " + id + " " + request.method() + " " + request.target() + " from "
                    + request.remoteAddress() + " failed", failure);
            if (response.answerStarted()) {
                response.failAfterCommit();
                return false;
            }
            response.sendError(new HttpException(500, "request id " + id));
            return true;
        }
    }
}
