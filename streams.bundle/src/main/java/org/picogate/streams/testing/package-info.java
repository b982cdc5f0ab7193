/**
 * Test support for code built on streams: {@link org.picogate.streams.testing.Pipe}, a connected in-memory pair
 * of streams with the semantics of a TCP connection, and
 * {@link org.picogate.streams.testing.StreamConformanceTest}, the checks every stream implementation passes.
 */
@Export
@Version("1.0.0")
package org.picogate.streams.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
