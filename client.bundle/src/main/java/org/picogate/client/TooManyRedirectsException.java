package org.picogate.client;

import java.net.URI;
import java.util.List;

/** The server redirected more than {@link SessionOptions#maxRedirects()} times; {@link #history()} has the URLs. */
public class TooManyRedirectsException extends HttpClientException {
    private static final long serialVersionUID = 1L;
    private final List<URI> history;

    public TooManyRedirectsException(URI url, List<URI> history) {
        super(url, "more than " + (history.size() - 1) + " redirects: " + history, null);
        this.history = List.copyOf(history);
    }

    /** Every URL requested, the first one first, then the redirect target that was not followed. */
    public List<URI> history() {
        return history;
    }
}
