/**
 * Duplex byte streams over TCP and TLS, the I/O core of Picogate (uasyncio's {@code StreamReader} and
 * {@code StreamWriter} in one object, as the seed has it).
 *
 * <p>Layers, bottom up:
 * <ul>
 * <li>A {@link org.picogate.streams.Stream} is one connection. Reads are buffered (one system call refills a
 * buffer; {@code readLine}, {@code readUntil} and {@code readExactly} never read byte by byte) and every read
 * that can grow takes a maximum. Writes are buffered and block the calling task (a virtual thread, never a
 * carrier) above a high-water mark; {@code drain} waits until the bytes are in the kernel.</li>
 * <li>Closing is a state machine documented on {@link org.picogate.streams.StreamState}.</li>
 * <li>{@link org.picogate.streams.StreamService} makes streams: {@code connect} opens one, {@code listen}
 * serves each accepted connection in its own task of the calling bundle.</li>
 * </ul>
 *
 * <p>Every method that does I/O may block the calling task and throws {@link java.io.IOException}: a peer
 * that resets, an early end of input ({@link org.picogate.streams.IncompleteReadException}), a limit crossed
 * ({@link org.picogate.streams.LimitExceededException}), a read deadline passed
 * ({@link org.picogate.streams.ReadTimeoutException}). Such an exception concerns that stream only.
 */
@Export
@Version("1.0.0")
package org.picogate.streams;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
