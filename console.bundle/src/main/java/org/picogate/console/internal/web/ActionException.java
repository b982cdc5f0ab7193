package org.picogate.console.internal.web;

/**
 * An action that could not be done, with a message for the user: a script gets {@code status} and the message, a
 * browser the message on the page it is sent back to.
 */
public final class ActionException extends Exception {
    private final int status;

    public ActionException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
