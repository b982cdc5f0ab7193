package org.picogate.streams.runtime;

import java.util.Objects;

/**
 * One open client stream (from {@code StreamService.connect}) and the bundle that opened it.
 *
 * @param owner the symbolic name of the bundle that opened it
 * @param ownerId that bundle's id, {@code -1} when it was opened outside a framework
 * @param stream the stream
 */
public record ClientStreamDTO(String owner, long ownerId, StreamDTO stream) {

    public ClientStreamDTO {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(stream, "stream");
    }
}
