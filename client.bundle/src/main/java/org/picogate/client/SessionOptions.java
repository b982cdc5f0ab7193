package org.picogate.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * What a session's requests start from. Start from {@link #defaults()} (or {@link HttpClient#defaults()}, the
 * configured ones) and adjust with the {@code with...} methods. Durations are on the scheduler's clock;
 * {@link Duration#ZERO} means no limit.
 *
 * @param baseUrl relative request URLs are resolved against it; {@code null} for none (default)
 * @param defaultHeaders sent with every request unless the request sets the same name (default none)
 * @param connectTimeout name lookup, TCP connect and TLS handshake of one connection (default 10 s)
 * @param readTimeout longest wait for any byte of a response, head or body (default 30 s)
 * @param totalTimeout the whole exchange, waiting for a pooled connection, redirects, retries and reading the
 *        body included (default none)
 * @param maxConnectionsPerHost open connections per (scheme, host, port); more requests wait (default 8)
 * @param maxConnections open connections of the session in all; more requests wait, and an idle connection to
 *        another host is closed to make room (default 64)
 * @param idleTimeout a pooled connection unused this long is closed (default 30 s; {@code ZERO}: no pooling)
 * @param maxRedirects redirects followed per request; 0 returns the redirect response itself (default 10)
 * @param retryStale send an idempotent request again, once, on a fresh connection when the pooled one it used
 *        turns out closed by the server before any byte of an answer (default on)
 * @param maxBodyBytes longest body {@link ClientResponse#bytes()} and the calls built on it read (default 8 MiB)
 * @param tls context of {@code https} connections: its trust managers decide which servers are trusted, its key
 *        managers supply client certificates; {@code null} for the JDK's default context (default)
 * @param verifyHostname check that the server's certificate names the host (default on)
 * @param acceptGzip send {@code Accept-Encoding: gzip} and decode gzip bodies (default off)
 * @param cookies keep cookies the servers set, in a jar per session, and send them back (default off)
 */
public record SessionOptions(URI baseUrl, Headers defaultHeaders, Duration connectTimeout, Duration readTimeout,
        Duration totalTimeout, int maxConnectionsPerHost, int maxConnections, Duration idleTimeout, int maxRedirects,
        boolean retryStale, long maxBodyBytes, SSLContext tls, boolean verifyHostname, boolean acceptGzip,
        boolean cookies) {

    public SessionOptions {
        Objects.requireNonNull(defaultHeaders, "defaultHeaders");
        for (Duration d : new Duration[] { Objects.requireNonNull(connectTimeout, "connectTimeout"),
                Objects.requireNonNull(readTimeout, "readTimeout"), Objects.requireNonNull(totalTimeout, "totalTimeout"),
                Objects.requireNonNull(idleTimeout, "idleTimeout") }) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative: " + d);
            }
        }
        if (maxConnectionsPerHost < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1: maxConnectionsPerHost="
                    + maxConnectionsPerHost + ", maxConnections=" + maxConnections);
        }
        if (maxRedirects < 0 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxRedirects and maxBodyBytes must not be negative: " + maxRedirects
                    + ", " + maxBodyBytes);
        }
        if (baseUrl != null && (!baseUrl.isAbsolute() || baseUrl.getHost() == null)) {
            throw new IllegalArgumentException("baseUrl must be absolute with a host: " + baseUrl);
        }
    }

    /** The defaults listed on the record's components. */
    public static SessionOptions defaults() {
        return new SessionOptions(null, Headers.empty(), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ZERO, 8, 64, Duration.ofSeconds(30), 10, true, 8L << 20, null, true, false, false);
    }

    public SessionOptions withBaseUrl(String baseUrl) {
        return new SessionOptions(baseUrl == null ? null : URI.create(baseUrl), defaultHeaders, connectTimeout,
                readTimeout, totalTimeout, maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects,
                retryStale, maxBodyBytes, tls, verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withDefaultHeaders(Headers defaultHeaders) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withConnectTimeout(Duration connectTimeout) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withReadTimeout(Duration readTimeout) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withTotalTimeout(Duration totalTimeout) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withMaxConnectionsPerHost(int maxConnectionsPerHost) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withMaxConnections(int maxConnections) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withIdleTimeout(Duration idleTimeout) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withMaxRedirects(int maxRedirects) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withRetryStale(boolean retryStale) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withMaxBodyBytes(long maxBodyBytes) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withTls(SSLContext tls) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withVerifyHostname(boolean verifyHostname) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withAcceptGzip(boolean acceptGzip) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }

    public SessionOptions withCookies(boolean cookies) {
        return new SessionOptions(baseUrl, defaultHeaders, connectTimeout, readTimeout, totalTimeout,
                maxConnectionsPerHost, maxConnections, idleTimeout, maxRedirects, retryStale, maxBodyBytes, tls,
                verifyHostname, acceptGzip, cookies);
    }
}
