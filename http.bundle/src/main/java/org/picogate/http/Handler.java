package org.picogate.http;

import org.osgi.annotation.versioning.ConsumerType;

/** Answers one request. A handler that writes nothing answers {@code 204 No Content} (or the status it set). */
@ConsumerType
@FunctionalInterface
public interface Handler {
    void handle(Request request, Response response) throws Exception;
}
