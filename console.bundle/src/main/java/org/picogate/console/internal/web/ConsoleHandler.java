package org.picogate.console.internal.web;

import org.picogate.http.Request;
import org.picogate.http.Response;

/** A console page or action, called once the {@link Guard} let the request through. */
@FunctionalInterface
public interface ConsoleHandler {
    void handle(Request request, Response response, Caller caller) throws Exception;
}
