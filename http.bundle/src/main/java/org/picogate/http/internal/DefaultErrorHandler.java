package org.picogate.http.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.picogate.http.ErrorHandler;
import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.Response;

/**
 * The server's error pages: one short line of plain text ({@code 404 Not Found: no such note}), the same as a
 * small HTML page for browsers, or {@code {"status":404,"error":"Not Found","message":"no such note"}} for
 * clients that prefer JSON; chosen by {@code Accept}, plain text when it allows anything ({@code curl}'s
 * {@code *}{@code /*}).
 */
final class DefaultErrorHandler implements ErrorHandler {
    static final DefaultErrorHandler INSTANCE = new DefaultErrorHandler();

    private static final String PLAIN = "text/plain";
    private static final String HTML = "text/html";
    private static final String JSON = "application/json";
    private static final List<String> OFFERS = List.of(PLAIN, HTML, JSON);

    private DefaultErrorHandler() {
    }

    @Override
    public void handle(Request request, Response response, HttpException error) throws IOException {
        int status = error.status();
        String reason = StatusLines.reason(status);
        String message = error.getMessage();
        switch (AcceptHeader.choose(request.headers().all("Accept"), OFFERS)) {
            case HTML -> {
                String title = status + " " + Html.escape(reason);
                response.html("<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><h1>" + title
                        + "</h1>" + (message == null ? "" : "<p>" + Html.escape(message) + "</p>") + "</body></html>\n");
            }
            case JSON -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", status);
                body.put("error", reason);
                if (message != null) {
                    body.put("message", message);
                }
                response.json(body);
            }
            default -> {
                response.contentType("text/plain; charset=utf-8");
                response.send(status + " " + reason + (message == null ? "" : ": " + message) + "\n");
            }
        }
    }
}
