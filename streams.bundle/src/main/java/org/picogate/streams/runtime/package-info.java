/**
 * What the stream service is doing, for operations tools (consoles, metrics): the
 * {@link org.picogate.streams.runtime.StreamServiceRuntime} service, registered by the streams bundle.
 *
 * <p>{@link org.picogate.streams.runtime.StreamServiceRuntime#snapshot()} lists every open stream server (its
 * name, owner bundle, address, counters and open connections) and every open client stream (its owner bundle,
 * remote address, age, state and bytes), the data the Gogo command {@code picogate:conns} shows. A snapshot is
 * made of records that do not change after they are returned and hold no stream, socket or bundle: nothing a
 * reader keeps can leak or close a connection.
 */
@Export
@Version("1.0.0")
package org.picogate.streams.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
