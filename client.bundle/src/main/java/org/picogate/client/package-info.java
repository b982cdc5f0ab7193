/**
 * Picogate's HTTP/1.1 client, in the style of aiohttp's {@code ClientSession}.
 *
 * <p>Layers: {@link org.picogate.client.HttpClient} (the bundle-scoped OSGi service) opens
 * {@link org.picogate.client.ClientSession}s; a session holds a keep-alive connection pool per (scheme, host,
 * port) and the {@link org.picogate.client.SessionOptions} every request starts from; a
 * {@link org.picogate.client.RequestBuilder} describes one request and sends it; a
 * {@link org.picogate.client.ClientResponse} gives the status, the headers and the body, and gives its
 * connection back to the pool once the body is read or the response closed.
 *
 * <p>Calls block the calling task (a virtual thread), like {@code await} without the keyword. Every wait is on
 * the scheduler's clock; cancelling the calling task ends the request and frees its connection. Failures are
 * {@link java.io.IOException}s whose type says what failed: {@link org.picogate.client.ConnectTimeoutException},
 * {@link org.picogate.client.ReadTimeoutException}, {@link org.picogate.client.DeadlineExceededException},
 * {@link org.picogate.client.TooManyRedirectsException}, {@link org.picogate.client.HttpProtocolException},
 * {@link org.picogate.client.ServerDisconnectedException}, {@link org.picogate.client.TlsException},
 * {@link org.picogate.client.BodyTooLargeException}.
 */
@Export
@Version("1.0.0")
package org.picogate.client;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
