package org.picogate.client;

import java.net.URI;

/**
 * The server closed or reset the connection before its response was complete. When that happened before any
 * byte of the answer on a pooled connection (a stale keep-alive connection), an idempotent request is sent again
 * once on a fresh connection; this exception then means that was not allowed (a POST, a streamed body) or failed
 * again.
 */
public class ServerDisconnectedException extends HttpClientException {
    private static final long serialVersionUID = 1L;

    public ServerDisconnectedException(URI url, String message, Throwable cause) {
        super(url, message, cause);
    }
}
