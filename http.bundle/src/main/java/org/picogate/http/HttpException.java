package org.picogate.http;

/** Ends a request with an error status and a short plain-text message for the client (picoweb's http_error). */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public HttpException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 400..599: " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }
}
