package org.picogate.http;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes the answer for an {@link HttpException} (picoweb's http_error): the server's default answers with a
 * short page in plain text, HTML or JSON by the request's {@code Accept}. An app provides its own as a service,
 * for the paths under a prefix (see {@link org.picogate.http.whiteboard}), or by implementing it on its
 * {@code App}.
 *
 * <p>When it is called the response is fresh: its status is the error's, the headers the handler set are gone
 * (but {@code Allow}, {@code WWW-Authenticate} and {@code Retry-After}). The request's head can be read; its body
 * cannot. If the handler fails or sends nothing, the default answer goes out.
 */
@ConsumerType
@FunctionalInterface
public interface ErrorHandler {

    void handle(Request request, Response response, HttpException error) throws IOException;
}
