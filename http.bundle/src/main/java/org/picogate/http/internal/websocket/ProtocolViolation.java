package org.picogate.http.internal.websocket;

import java.io.IOException;

/** The peer broke RFC 6455 (or a limit): the connection is failed with {@link #closeCode()}. */
final class ProtocolViolation extends IOException {
    private static final long serialVersionUID = 1L;
    private final int closeCode;

    ProtocolViolation(int closeCode, String message) {
        super(message);
        this.closeCode = closeCode;
    }

    int closeCode() {
        return closeCode;
    }
}
