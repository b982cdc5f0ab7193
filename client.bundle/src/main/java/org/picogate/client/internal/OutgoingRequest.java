package org.picogate.client.internal;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * One request as it goes out: method, absolute URL, the caller's header fields (names and values alternating)
 * and the body ({@code null} for none).
 */
record OutgoingRequest(String method, URI url, List<String> headers, RequestContent content,
        boolean expectContinue) {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    /** RFC 9110 9.2.2: may be sent again without changing the outcome. */
    boolean idempotent() {
        return IDEMPOTENT.contains(method);
    }

    /** Whether it may be sent again as is: idempotent with a body that can be sent again. */
    boolean retryable() {
        return idempotent() && (content == null || content.replayable());
    }
}
