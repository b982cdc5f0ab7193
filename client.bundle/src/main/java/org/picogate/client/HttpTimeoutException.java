package org.picogate.client;

import java.net.URI;
import java.time.Duration;

/** A time limit passed; the subclass says which. The connection involved has been closed. */
public abstract class HttpTimeoutException extends HttpClientException {
    private static final long serialVersionUID = 1L;
    private final Duration timeout;

    protected HttpTimeoutException(URI url, Duration timeout, String message, Throwable cause) {
        super(url, message, cause);
        this.timeout = timeout;
    }

    /** The limit that passed. */
    public Duration timeout() {
        return timeout;
    }
}
