package org.picogate.streams;

import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * How to connect. Start from {@link #defaults()} and adjust with the {@code with...} methods.
 *
 * @param connectTimeout for the whole connect (every address tried, and the TLS handshake), on the
 *        scheduler's clock; {@link Duration#ZERO} for none
 * @param readTimeout read timeout of the stream; {@link Duration#ZERO} for none
 * @param tls TLS context, or {@code null} for plain TCP
 * @param verifyHostname with TLS: check the server's certificate names the host (on by default)
 * @param serverName with TLS: the SNI name to send; {@code null} for the host connected to
 */
public record ConnectOptions(Duration connectTimeout, Duration readTimeout, SSLContext tls, boolean verifyHostname,
        String serverName) {

    public ConnectOptions {
        for (Duration d : new Duration[] { Objects.requireNonNull(connectTimeout, "connectTimeout"),
                Objects.requireNonNull(readTimeout, "readTimeout") }) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("timeouts must not be negative: " + d);
            }
        }
    }

    /** Connect timeout 10 s, no read timeout, plain TCP. */
    public static ConnectOptions defaults() {
        return new ConnectOptions(Duration.ofSeconds(10), Duration.ZERO, null, true, null);
    }

    public ConnectOptions withConnectTimeout(Duration connectTimeout) {
        return new ConnectOptions(connectTimeout, readTimeout, tls, verifyHostname, serverName);
    }

    public ConnectOptions withReadTimeout(Duration readTimeout) {
        return new ConnectOptions(connectTimeout, readTimeout, tls, verifyHostname, serverName);
    }

    /** TLS with this context (its trust store decides which servers are trusted; its key manager, if any, supplies a client certificate). */
    public ConnectOptions withTls(SSLContext tls) {
        return new ConnectOptions(connectTimeout, readTimeout, tls, verifyHostname, serverName);
    }

    public ConnectOptions withVerifyHostname(boolean verifyHostname) {
        return new ConnectOptions(connectTimeout, readTimeout, tls, verifyHostname, serverName);
    }

    public ConnectOptions withServerName(String serverName) {
        return new ConnectOptions(connectTimeout, readTimeout, tls, verifyHostname, serverName);
    }
}
