package org.picogate.streams;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Serves one accepted connection, in a task of its own. When it returns the stream is closed gracefully; when
 * it throws, the stream is aborted and the failure logged. Other connections are not affected either way.
 */
@ConsumerType
@FunctionalInterface
public interface StreamHandler {
    void handle(Stream stream) throws Exception;
}
