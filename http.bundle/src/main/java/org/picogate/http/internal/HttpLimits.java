package org.picogate.http.internal;

import java.time.Duration;

import org.picogate.http.internal.forms.FormLimits;

/**
 * What one connection may send us; each has a configuration key of PID {@code org.picogate.http} (defaults as in
 * design.md 4).
 *
 * @param maxRequestLine bytes of the request line, CR LF included; longer: 414
 * @param maxHeaderBytes bytes of all header lines together, CR LF included; more: 431
 * @param maxHeaders header lines; more: 431
 * @param maxBody bytes of a request body (after de-chunking); more: 413
 * @param headerTimeout from the first byte of a request to the end of its head; then the connection is cut
 * @param idleTimeout how long a keep-alive connection may wait for its next request
 * @param maxRequestsPerConnection requests on one connection; the last answer says {@code Connection: close}
 * @param forms what a query or a submitted form may hold
 */
public record HttpLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaders, long maxBody,
        Duration headerTimeout, Duration idleTimeout, int maxRequestsPerConnection, FormLimits forms) {

    public static final HttpLimits DEFAULTS = new HttpLimits(8192, 16384, 100, 1 << 20, Duration.ofSeconds(10),
            Duration.ofSeconds(60), 1000);

    /** The limits with the default form limits. */
    public HttpLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaders, long maxBody, Duration headerTimeout,
            Duration idleTimeout, int maxRequestsPerConnection) {
        this(maxRequestLine, maxHeaderBytes, maxHeaders, maxBody, headerTimeout, idleTimeout,
                maxRequestsPerConnection, FormLimits.DEFAULTS);
    }
}
