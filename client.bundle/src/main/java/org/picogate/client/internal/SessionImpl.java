package org.picogate.client.internal;

import java.io.IOException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import org.picogate.client.ClientResponse;
import org.picogate.client.ClientSession;
import org.picogate.client.Headers;
import org.picogate.client.PoolStats;
import org.picogate.client.RequestBuilder;
import org.picogate.client.SessionOptions;
import org.picogate.scheduler.Scheduler;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamService;

/** A session: its options, its pool, its cookie jar; it opens connections through the owner's streams. */
final class SessionImpl implements ClientSession {
    private static final String USER_AGENT = "Picogate/1.0";

    private final SessionOptions options;
    private final Scheduler scheduler;
    private final StreamService streams;
    private final ConnectionPool pool;
    private final CookieJar cookies;
    private final Runnable onClose;
    private final boolean userAgentSet;

    SessionImpl(SessionOptions options, Scheduler scheduler, StreamService streams, Runnable onClose) {
        this.options = Objects.requireNonNull(options, "options");
        this.scheduler = scheduler;
        this.streams = streams;
        this.onClose = onClose;
        this.pool = new ConnectionPool(scheduler, this::open, options.maxConnectionsPerHost(),
                options.maxConnections(), options.idleTimeout());
        this.cookies = options.cookies() ? new CookieJar(() -> scheduler.clock().nanoTime()) : null;
        this.userAgentSet = options.defaultHeaders().contains("User-Agent");
    }

    @Override
    public RequestBuilder request(String method, String url) {
        return new RequestBuilderImpl(this, method, url);
    }

    ClientResponse send(OutgoingRequest request, Duration total, boolean follow) throws IOException {
        return Exchange.run(this, request, total, follow);
    }

    @Override
    public SessionOptions options() {
        return options;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    ConnectionPool pool() {
        return pool;
    }

    @Override
    public PoolStats stats() {
        return pool.stats();
    }

    /** Fields the session adds to a request to {@code url}: User-Agent, Accept-Encoding, Cookie. */
    List<String> extraHeaders(URI url) {
        String cookie = cookies == null ? null : cookies.header(url);
        if (cookie == null && userAgentSet && !options.acceptGzip()) {
            return List.of();
        }
        java.util.ArrayList<String> extra = new java.util.ArrayList<>(6);
        if (!userAgentSet) {
            extra.add("User-Agent");
            extra.add(USER_AGENT);
        }
        if (options.acceptGzip()) {
            extra.add("Accept-Encoding");
            extra.add("gzip");
        }
        if (cookie != null) {
            extra.add("Cookie");
            extra.add(cookie);
        }
        return extra;
    }

    void cookiesReceived(URI url, Headers headers) {
        if (cookies != null) {
            cookies.receive(url, headers);
        }
    }

    /** Opens a connection within the connect timeout, or the deadline's time left if shorter. */
    private Stream open(Endpoint endpoint, Deadline deadline) throws IOException {
        Duration connectTimeout = options.connectTimeout();
        Duration left = deadline.remaining();
        if (left != null && (connectTimeout.isZero() || left.compareTo(connectTimeout) < 0)) {
            connectTimeout = left.isZero() ? Duration.ofNanos(1) : left;
        }
        ConnectOptions connect = ConnectOptions.defaults().withConnectTimeout(connectTimeout)
                .withReadTimeout(options.readTimeout());
        if (endpoint.secure()) {
            connect = connect.withTls(tls()).withVerifyHostname(options.verifyHostname());
        }
        return streams.connect(endpoint.connectHost(), endpoint.port(), connect);
    }

    private SSLContext tls() throws IOException {
        if (options.tls() != null) {
            return options.tls();
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("the JDK has no default TLS context", e);
        }
    }

    @Override
    public void close() {
        pool.close();
        onClose.run();
    }

    @Override
    public String toString() {
        return "ClientSession" + (options.baseUrl() == null ? "" : " " + options.baseUrl()) + " " + pool.stats();
    }
}
