package org.picogate.client;

import java.io.IOException;
import java.net.URI;

/** A request failed; subclasses say how. {@link #url()} is the URL of the request that failed. */
public class HttpClientException extends IOException {
    private static final long serialVersionUID = 1L;
    private final URI url;

    public HttpClientException(URI url, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
    }

    public URI url() {
        return url;
    }
}
