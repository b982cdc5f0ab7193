package org.picogate.client;

import java.net.URI;

/** Small facts about request URLs. */
final class Urls {
    private Urls() {
    }

    /** The URL's port, or its scheme's default (80, 443). */
    static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
