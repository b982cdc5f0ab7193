package org.picogate.client.internal;

import java.io.EOFException;

/** Input ended within a body; translated into a {@code ServerDisconnectedException} with this message. */
final class BodyCutShortException extends EOFException {
    private static final long serialVersionUID = 1L;

    BodyCutShortException(String message) {
        super(message);
    }
}
