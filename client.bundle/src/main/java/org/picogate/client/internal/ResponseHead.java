package org.picogate.client.internal;

import org.picogate.client.Headers;

/**
 * A parsed status line and header section.
 *
 * @param http11 whether the server spoke HTTP/1.1 (else 1.0: no keep-alive unless asked)
 */
record ResponseHead(boolean http11, int status, String reason, Headers headers) {

    /** 1xx: an interim response, another head follows. */
    boolean interim() {
        return status >= 100 && status < 200;
    }
}
