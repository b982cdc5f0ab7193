package org.picogate.client;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Requests sharing options, a keep-alive connection pool per (scheme, host, port) and, when enabled, a cookie
 * jar; aiohttp's {@code ClientSession}. Safe for use by many tasks at once. Relative URLs are resolved against
 * {@link SessionOptions#baseUrl()}.
 */
@ProviderType
public interface ClientSession extends AutoCloseable {

    /** A request to describe further and then {@link RequestBuilder#send() send}. */
    RequestBuilder request(String method, String url);

    /** Sends a GET; see {@link RequestBuilder#send()}. */
    default ClientResponse get(String url) throws IOException {
        return request("GET", url).send();
    }

    default RequestBuilder post(String url) {
        return request("POST", url);
    }

    default RequestBuilder put(String url) {
        return request("PUT", url);
    }

    default RequestBuilder delete(String url) {
        return request("DELETE", url);
    }

    default RequestBuilder head(String url) {
        return request("HEAD", url);
    }

    SessionOptions options();

    /** A snapshot of the connection pool. */
    PoolStats stats();

    /**
     * Closes every pooled connection and refuses new requests; connections in use close once their response is
     * closed. Closing twice is harmless.
     */
    @Override
    void close();
}
