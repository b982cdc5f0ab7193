package org.picogate.client;

import java.net.URI;

/**
 * A response body read whole ({@link ClientResponse#bytes()}, {@code text()}, {@code json(...)}) is longer than
 * {@link SessionOptions#maxBodyBytes()}; read larger ones with {@link ClientResponse#body()}.
 */
public class BodyTooLargeException extends HttpClientException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    public BodyTooLargeException(URI url, long limit) {
        super(url, "response body longer than " + limit + " bytes (" + url + ")", null);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
