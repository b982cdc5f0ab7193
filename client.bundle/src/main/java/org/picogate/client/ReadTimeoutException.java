package org.picogate.client;

import java.net.URI;
import java.time.Duration;

/**
 * The server sent nothing for longer than the read timeout, while the response head or body was awaited. Not to
 * be confused with the streams' {@code org.picogate.streams.ReadTimeoutException}, its usual cause.
 */
public class ReadTimeoutException extends HttpTimeoutException {
    private static final long serialVersionUID = 1L;

    public ReadTimeoutException(URI url, Duration timeout, Throwable cause) {
        super(url, timeout, "no data from " + url.getHost() + ":" + Urls.port(url) + " within the read timeout of "
                + timeout.toMillis() + " ms", cause);
    }
}
