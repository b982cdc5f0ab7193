package org.picogate.http.internal;

import org.picogate.http.ErrorHandler;

/**
 * A response whose error pages can be taken over by an app: the router (or the whiteboard) sets the app's
 * {@link ErrorHandler} on the response before calling the app's handler, and an {@code HttpException} thrown by
 * it is then answered by that handler ({@code response instanceof ErrorHandling e}).
 */
public interface ErrorHandling {

    /** The error handler for this response's errors, instead of the server's default pages. */
    void errorHandler(ErrorHandler handler);
}
