/**
 * Test support for code built on streams: {@link org.picogate.streams.testing.Pipe}, a connected in-memory pair
 * of streams with the semantics of a TCP connection;
 * {@link org.picogate.streams.testing.StreamConformanceTest}, the checks every stream implementation passes;
 * since 1.1 {@link org.picogate.streams.testing.TestStreams}, the real TCP and TLS streams outside OSGi as a
 * {@link org.picogate.streams.StreamService}, and {@link org.picogate.streams.testing.FullBacklog}, a local
 * port whose connects hang.
 */
@Export
@Version("1.1.0")
package org.picogate.streams.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
