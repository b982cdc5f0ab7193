package org.picogate.streams;

import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * How to listen. Start from {@link #port(int)} and adjust with the {@code with...} methods.
 *
 * @param host address to bind; {@code null} or empty for all interfaces
 * @param port port to bind; 0 lets the system choose
 * @param backlog pending connections the kernel may queue before we accept them
 * @param maxConnections open connections at most; further ones are closed at once and counted as rejected
 * @param readTimeout read timeout of each accepted stream; {@link Duration#ZERO} for none
 * @param tls TLS for accepted connections, or {@code null} for plain TCP
 * @param name for task names and logs
 */
public record ListenOptions(String host, int port, int backlog, int maxConnections, Duration readTimeout,
        SSLContext tls, String name) {

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
        name = name == null ? "server" : name;
    }

    /** Loopback-agnostic defaults: all interfaces, backlog 1024, 1024 connections, no timeout, plain TCP. */
    public static ListenOptions port(int port) {
        return new ListenOptions(null, port, 1024, 1024, Duration.ZERO, null, "server:" + port);
    }

    public ListenOptions withHost(String host) {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, tls, name);
    }

    public ListenOptions withBacklog(int backlog) {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, tls, name);
    }

    public ListenOptions withMaxConnections(int maxConnections) {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, tls, name);
    }

    public ListenOptions withReadTimeout(Duration readTimeout) {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, tls, name);
    }

    public ListenOptions withTls(SSLContext tls) {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, tls, name);
    }

    public ListenOptions withName(String name) {
        return new ListenOptions(host, port, backlog, maxConnections, readTimeout, tls, name);
    }
}
