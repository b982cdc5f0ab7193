package org.picogate.client;

import java.net.URI;
import java.time.Duration;

/** Connecting (name lookup, TCP, and the TLS handshake for {@code https}) took longer than the connect timeout. */
public class ConnectTimeoutException extends HttpTimeoutException {
    private static final long serialVersionUID = 1L;

    public ConnectTimeoutException(URI url, Duration timeout, Throwable cause) {
        super(url, timeout, "connect to " + url.getHost() + ":" + Urls.port(url) + " timed out after "
                + timeout.toMillis() + " ms", cause);
    }
}
