package org.picogate.streams;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** A read waited longer than the stream's read timeout; the stream has been aborted. */
public class ReadTimeoutException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;
    private final Duration timeout;

    public ReadTimeoutException(Duration timeout) {
        super("no input within the read timeout of " + timeout.toMillis() + " ms");
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
