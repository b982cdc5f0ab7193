package org.picogate.streams.internal;

import java.time.Duration;

/**
 * Sizes and times of new streams.
 *
 * @param readBufferSize bytes one read system call may fill; a line or a {@code readUntil} longer than this
 *        grows the buffer up to the read's own maximum
 * @param highWaterMark bytes {@code write} buffers before it writes through to the kernel (and blocks while
 *        the kernel is full)
 * @param linger how long {@code close()} waits for the peer's EOF after sending FIN
 * @param lingerMaxBytes input {@code close()} reads and discards while it lingers, at most
 */
public record StreamSettings(int readBufferSize, int highWaterMark, Duration linger, int lingerMaxBytes) {

    public static final StreamSettings DEFAULTS = new StreamSettings(1024, 16384, Duration.ofSeconds(2), 65536);

    public StreamSettings {
        if (readBufferSize < 64) {
            throw new IllegalArgumentException("readBufferSize must be at least 64: " + readBufferSize);
        }
        if (highWaterMark < 0) {
            throw new IllegalArgumentException("highWaterMark must not be negative: " + highWaterMark);
        }
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative: " + linger);
        }
        if (lingerMaxBytes < 0) {
            throw new IllegalArgumentException("lingerMaxBytes must not be negative: " + lingerMaxBytes);
        }
    }
}
