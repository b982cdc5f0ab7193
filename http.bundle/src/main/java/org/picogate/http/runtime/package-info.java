/**
 * What the HTTP server is doing, for operations tools (metrics, health, consoles): the {@link
 * org.picogate.http.runtime.HttpRuntime} service, registered by the server bundle while its server is active.
 *
 * <ul>
 * <li>{@link org.picogate.http.runtime.HttpRuntime#routes()}: every declared route with its provider and its
 * state (served, shadowed by a higher-ranked provider, vacant while waiting for a replacement, or failed with the
 * reason), the data the Gogo command {@code picogate:routes} shows.</li>
 * <li>{@link org.picogate.http.runtime.HttpRuntime#stats()}: requests counted by route, method and status class,
 * a latency histogram per route (cumulative buckets in seconds, as Prometheus histograms), and the listener's
 * connections and bytes.</li>
 * <li>{@link org.picogate.http.runtime.HttpRuntime#connections()} (since 1.1): every open connection with its
 * client address, port, age, requests answered, phase (new, idle, busy), bytes in and out, and whether it is
 * TLS.</li>
 * </ul>
 * All are snapshots: records that do not change after they are returned.
 */
@Export
@Version("1.1.0")
package org.picogate.http.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
