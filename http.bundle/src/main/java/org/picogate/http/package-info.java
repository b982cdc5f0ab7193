/**
 * Picogate's HTTP/1.1 server API (part 1: the protocol; routing and the whiteboard build on it).
 *
 * <p>A {@link org.picogate.http.Handler} gets a {@link org.picogate.http.Request} and a
 * {@link org.picogate.http.Response}. Handlers run in the connection's task (a virtual thread): they may block.
 * Throwing {@link org.picogate.http.HttpException} answers with its status; any other exception answers 500 and
 * is logged with a request id, never shown to the client.
 */
@Export
@Version("1.0.0")
package org.picogate.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
