package org.picogate.http.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.picogate.http.Handler;
import org.picogate.http.HttpException;
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

    HttpConnection(Stream stream, Scheduler scheduler, Supplier<HttpLimits> limits, Supplier<Handler> handler,
            DateHeader date, FileResponder files, AtomicLong requestIds) {
        this.stream = stream;
        this.scheduler = scheduler;
        this.limits = limits;
        this.handler = handler;
        this.date = date;
        this.files = files;
        this.requestIds = requestIds;
    }

    void serve() throws IOException {
        HttpLimits first = limits.get();
        stream.readTimeout(Duration.ZERO); // reads are bounded by the connection's deadline, not per read
        try (ConnectionDeadline deadline = new ConnectionDeadline(scheduler, stream,
                min(first.headerTimeout(), first.idleTimeout()))) {
            serve(deadline);
        }
    }

    private void serve(ConnectionDeadline deadline) throws IOException {
        for (int served = 0;; ) {
            HttpLimits l = limits.get();
            if (!awaitRequest(deadline, l)) {
                return; // the client closed between requests, or stayed idle too long
            }
            RequestHead head = readHead(deadline, l);
            if (head == null) {
                return;
            }
            served++;
            boolean keepAlive = head.keepAlive() && served < l.maxRequestsPerConnection();
            RequestImpl request = new RequestImpl(head, stream, l.maxBody());
            ResponseImpl response = new ResponseImpl(stream, head, keepAlive, date, files, scheduler);
            if ("OPTIONS".equals(head.method()) && "*".equals(head.target())) {
                // OPTIONS * asks about the server, not a resource (RFC 9110 9.3.7): the server answers it, with
                // Content-Length: 0 (a MUST there) and the methods it passes on, and no application handler sees
                // it (a router would otherwise answer 404 for the path "*").
                response.header("Allow", SERVER_WIDE_ALLOW).send(new byte[0]);
            } else if (!answer(request, response)) {
                return;
            }
            response.finish();
            if (response.upgraded()) {
                return; // a WebSocket: finish() ended it and closed the stream, which is no longer HTTP
            }
            boolean aligned = response.keepAlive() && request.skipRest(SKIP_LIMIT);
            stream.drain();
            if (!aligned) {
                stream.close();
                return;
            }
        }
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
    private RequestHead readHead(ConnectionDeadline deadline, HttpLimits l) throws IOException {
        if (!deadline.expireAfter(l.headerTimeout())) {
            return null;
        }
        RequestHead head;
        try {
            head = RequestParser.readHead(stream, l);
        } catch (HttpException refused) {
            if (deadline.clear()) {
                refuse(refused);
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Answers a request that breaks the protocol, then ends the connection. */
    private void refuse(HttpException refused) throws IOException {
        ResponseImpl response = new ResponseImpl(stream, RequestHeads.UNPARSED, false, date, files);
        response.sendError(refused);
        stream.close();
    }

    /** Runs the handler; returns {@code false} if the connection had to be aborted. */
    private boolean answer(RequestImpl request, ResponseImpl response) throws IOException {
        try {
            handler.get().handle(request, response);
            return true;
        } catch (HttpException e) {
            if (response.committed()) {
                stream.abort();
                return false;
            }
            if (e.status() == 413 || e.status() == 400) {
                response.closeAfter(); // a body we could not read to its end: the stream is not aligned
            }
            response.sendError(e);
            return true;
        } catch (CancelledException cancelled) {
            throw cancelled;
        } catch (Exception failure) {
            String id = "r" + requestIds.incrementAndGet();
            LOG.log(Level.WARNING, () -> "request " + id + " " + request.method() + " " + request.target() + " from "
                    + request.remoteAddress() + " failed", failure);
            if (response.committed()) {
                stream.abort();
                return false;
            }
            response.sendError(new HttpException(500, "request id " + id));
            return true;
        }
    }
}
