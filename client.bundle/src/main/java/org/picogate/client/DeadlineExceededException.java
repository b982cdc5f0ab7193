package org.picogate.client;

import java.net.URI;
import java.time.Duration;

/**
 * The total deadline of a request passed: the whole exchange (waiting for a pooled connection, connecting,
 * sending, every redirect and retry, and reading the body) took longer than {@link SessionOptions#totalTimeout()}
 * or {@link RequestBuilder#timeout(Duration)}.
 */
public class DeadlineExceededException extends HttpTimeoutException {
    private static final long serialVersionUID = 1L;

    public DeadlineExceededException(URI url, Duration timeout, String during, Throwable cause) {
        super(url, timeout, "the total deadline of " + timeout.toMillis() + " ms passed while " + during + " ("
                + url + ")", cause);
    }
}
