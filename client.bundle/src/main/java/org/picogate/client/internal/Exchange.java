package org.picogate.client.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.picogate.client.ClientResponse;
import org.picogate.client.ServerDisconnectedException;
import org.picogate.client.SessionOptions;
import org.picogate.client.TooManyRedirectsException;
import org.picogate.streams.Stream;

/**
 * One call of {@code send()}: the request, its redirects and its stale-connection retry, under one total
 * {@link Deadline}. The final response carries the deadline on until its body ends.
 *
 * <p>Connections: every path out of {@link #sendOn} either hands the connection to a response (which releases or
 * discards it when its body ends) or discards it before throwing, so no failure, timeout or cancellation leaves a
 * connection counted as busy.
 */
final class Exchange {
    private final SessionImpl session;
    private final SessionOptions options;
    private final Deadline deadline;

    private Exchange(SessionImpl session, Duration total) {
        this.session = session;
        this.options = session.options();
        this.deadline = Deadline.start(session.scheduler(), total);
    }

    static ClientResponse run(SessionImpl session, OutgoingRequest request, Duration total, boolean follow)
            throws IOException {
        return new Exchange(session, total).run(request, follow && session.options().maxRedirects() > 0);
    }

    ConnectionPool pool() {
        return session.pool();
    }

    private ClientResponse run(OutgoingRequest first, boolean follow) throws IOException {
        boolean handedOver = false;
        try {
            List<URI> history = new ArrayList<>();
            OutgoingRequest request = first;
            while (true) {
                ResponseImpl response = sendWithRetry(request);
                String location = response.headers().value("Location");
                OutgoingRequest next;
                try {
                    next = follow && Redirects.isRedirect(response.status()) && location != null
                            ? Redirects.follow(request, response.status(), location) : null;
                } catch (IOException | RuntimeException e) { // a malformed Location: its connection must not stay busy
                    response.close();
                    throw e;
                }
                if (next == null) {
                    response.handOver(history, deadline);
                    handedOver = true;
                    return response;
                }
                history.add(request.url());
                if (history.size() > options.maxRedirects()) {
                    response.close();
                    history.add(next.url());
                    throw new TooManyRedirectsException(first.url(), history);
                }
                discardBody(response);
                request = next;
            }
        } finally {
            if (!handedOver) {
                deadline.cancel();
            }
        }
    }

    /** A redirect's body: read when short, so its connection can be reused; otherwise the connection goes. */
    private static void discardBody(ResponseImpl response) throws IOException {
        String length = response.headers().value("Content-Length");
        if (length != null && length.length() <= 5) { // under 100 000 bytes
            try (var body = response.body()) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } else {
            response.close();
        }
    }

    private ResponseImpl sendWithRetry(OutgoingRequest request) throws IOException {
        Endpoint endpoint = Endpoint.of(request.url());
        boolean fresh = false;
        while (true) {
            PooledConnection c = acquire(endpoint, request.url(), fresh);
            try {
                return sendOn(c, request);
            } catch (StaleConnectionException stale) {
                if (!fresh && options.retryStale() && request.retryable()) {
                    session.pool().countStaleRetry();
                    fresh = true;
                    continue;
                }
                String why = fresh ? "; it failed again on a fresh connection"
                        : !options.retryStale() ? "; not retried (retryStale is off)"
                        : !request.idempotent() ? "; not retried: " + request.method() + " is not idempotent"
                        : "; not retried: its body was a stream";
                throw new ServerDisconnectedException(request.url(), "the server closed the "
                        + (fresh ? "" : "pooled ") + "connection before answering " + request.method() + " "
                        + request.url() + why, stale.getCause());
            }
        }
    }

    private PooledConnection acquire(Endpoint endpoint, URI url, boolean fresh) throws IOException {
        PooledConnection c;
        try {
            c = session.pool().acquire(endpoint, deadline, fresh);
        } catch (ConnectionPool.PoolClosedException e) {
            throw new IllegalStateException("the session is closed");
        } catch (IOException e) {
            throw Failures.connecting(e, url, deadline, options.connectTimeout());
        }
        if (c == null) {
            throw deadline.exceeded(url, "waiting for a pooled connection", null);
        }
        return c;
    }

    /** Sends on {@code c} and reads the final head; throws {@link StaleConnectionException} for a stale one. */
    private ResponseImpl sendOn(PooledConnection c, OutgoingRequest request) throws IOException {
        Stream stream = c.stream;
        deadline.attach(stream);
        stream.readTimeout(options.readTimeout());
        long inBefore = stream.bytesIn();
        try {
            byte[] head = RequestWriter.head(request, c.endpoint, options.defaultHeaders(),
                    session.extraHeaders(request.url()));
            ResponseHead response;
            boolean bodySent = true;
            if (request.expectContinue()) {
                stream.write(head);
                stream.drain();
                response = readHead(stream, request.url());
                if (response.status() == 100) {
                    writeBody(stream, request.content());
                    response = readFinalHead(stream, request.url());
                } else {
                    bodySent = false; // refused before the body: the server may not read it, the connection goes
                }
            } else if (request.content() instanceof RequestContent.Streamed) {
                stream.write(head);
                writeBody(stream, request.content());
                response = readFinalHead(stream, request.url());
            } else {
                RequestWriter.writeHeadAndBytes(stream, head, request.content());
                response = readFinalHead(stream, request.url());
            }
            session.cookiesReceived(request.url(), response.headers());
            BodyFraming framing = BodyFraming.of(request.method(), response, request.url());
            boolean keepAlive = bodySent && keepAlive(response);
            return new ResponseImpl(this, c, response, request.url(), keepAlive, framing, options.acceptGzip()
                    && "gzip".equalsIgnoreCase(response.headers().value("Content-Encoding")), options.maxBodyBytes());
        } catch (IOException e) {
            detach(c);
            session.pool().discard(c, false);
            if (!deadline.expired() && c.reused() && stream.bytesIn() == inBefore && Failures.isDisconnect(e)) {
                throw new StaleConnectionException(e);
            }
            throw translate(e, request.url(), "sending the request or awaiting the response");
        } catch (RuntimeException | Error e) { // cancelled
            detach(c);
            session.pool().discard(c, false);
            throw e;
        }
    }

    private static void writeBody(Stream stream, RequestContent content) throws IOException {
        if (content instanceof RequestContent.Streamed streamed) {
            RequestWriter.writeStreamed(stream, streamed.content());
        } else if (content instanceof RequestContent.Bytes bytes) {
            stream.write(bytes.content());
            stream.drain();
        }
    }

    /** The next head, interim or not; end of input before it counts as a disconnect. */
    private static ResponseHead readHead(Stream stream, URI url) throws IOException {
        ResponseHead head = ResponseHeadReader.read(stream, url);
        if (head == null) {
            throw new EOFException("the server closed the connection without answering");
        }
        return head;
    }

    /** The final head, skipping interim (1xx) ones; 101 is final but never asked for here. */
    private static ResponseHead readFinalHead(Stream stream, URI url) throws IOException {
        ResponseHead head = readHead(stream, url);
        for (int interim = 0; head.interim() && head.status() != 101; interim++) {
            if (interim == 16) {
                throw new org.picogate.client.HttpProtocolException(url, "more than 16 interim responses", null);
            }
            head = readHead(stream, url);
        }
        return head;
    }

    /** HTTP/1.1 keeps the connection unless told to close; 1.0 only when told to keep it. */
    private static boolean keepAlive(ResponseHead head) {
        if (head.headers().hasToken("Connection", "close")) {
            return false;
        }
        return head.http11() || head.headers().hasToken("Connection", "keep-alive");
    }

    void detach(PooledConnection c) {
        deadline.attach(null);
    }

    IOException translate(IOException e, URI url, String during) {
        return Failures.exchanging(e, url, deadline, options.readTimeout(), during);
    }

    /** Internal: a pooled connection was found closed before any byte of the answer. */
    private static final class StaleConnectionException extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnectionException(IOException cause) {
            super(cause);
        }
    }
}
