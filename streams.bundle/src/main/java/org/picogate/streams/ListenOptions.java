package org.picogate.streams;

import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * How to listen. Start from {@link #port(int)} and adjust with the {@code with...} methods.
 *
 * <p>TLS comes from one of two places: a context given with {@link #withTls(SSLContext)} (built with
 * {@link TlsContexts}, say), or the gateway's own, with {@link #withConfiguredTls()}: the server context that
 * configuration PID {@code org.picogate.streams} builds from its PKCS#12 key store ({@code tlsKeyStore},
 * {@code tlsKeyStorePassword}; with {@code tlsClientAuth} {@code want} or {@code need}, client certificates
 * checked against {@code tlsTrustStore}). Each setting replaces the other.
 *
 * @param host address to bind; {@code null} or empty for all interfaces
 * @param port port to bind; 0 lets the system choose
 * @param backlog pending connections the kernel may queue before we accept them
 * @param maxConnections open connections at most; further ones are closed at once and counted as rejected
 * @param readTimeout read timeout of each accepted stream; {@link Duration#ZERO} for none
 * @param tls TLS for accepted connections with this context, or {@code null} (plain TCP, unless
 *        {@code configuredTls})
 * @param configuredTls TLS for accepted connections with the configured server context. {@code listen} fails
 *        with an {@link java.io.IOException} saying why when none is configured (no key store set, or the one set
 *        was rejected). A configuration change reaches the new connections of a server already open (a renewed
 *        certificate, say); once the key store is unset, an open server keeps the context it had. Not with
 *        {@code tls}.
 * @param name for task names and logs
 */
public record ListenOptions(String host, int port, int backlog, int maxConnections, Duration readTimeout,
        SSLContext tls, boolean configuredTls, String name) {

    public ListenOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.isNegative()) {
            throw new IllegalArgumentException("readTimeout must not be negative: " + readTimeout);
        }
        if (tls != null && configuredTls) {
            throw new IllegalArgumentException("either a TLS context or the configured TLS, not both");
        }
        name = name == null ? "server" : name;
    }

    /** Without the configured TLS: {@code tls} alone says whether (and how) to use TLS. */
    public ListenOptions(String host, int port, int backlog, int maxConnections, Duration readTimeout,
            SSLContext tls, String name) {
        this(host, port, backlog, maxConnections, readTimeout, tls, false, name);
    }

    /** Loopback-agnostic defaults: all interfaces, backlog 1024, 1024 connections, no timeout, plain TCP. */
    public static ListenOptions port(int port) {
        return new ListenOptions(null, port, 1024, 1024, Duration.ZERO, null, false, "server:" + port);
    }

    public ListenOptions withHost(String host) {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, tls, configuredTls, name);
    }

    public ListenOptions withBacklog(int backlog) {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, tls, configuredTls, name);
    }

    public ListenOptions withMaxConnections(int maxConnections) {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, tls, configuredTls, name);
    }

    public ListenOptions withReadTimeout(Duration readTimeout) {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, tls, configuredTls, name);
    }

    /**
     * TLS with this context ({@code null}: plain TCP), instead of the configured TLS. A context whose default
     * parameters need client authentication ({@link TlsContexts#server(java.nio.file.Path, char[],
     * java.nio.file.Path, char[])}) asks every client for a certificate.
     */
    public ListenOptions withTls(SSLContext tls) {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, tls, false, name);
    }

    /**
     * TLS with the server context configured for PID {@code org.picogate.streams} (see {@link #configuredTls()}),
     * instead of a context of the options.
     */
    public ListenOptions withConfiguredTls() {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, null, true, name);
    }

    public ListenOptions withName(String name) {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, tls, configuredTls, name);
    }
}
