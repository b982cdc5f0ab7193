package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.picogate.http.ErrorHandler;
import org.picogate.http.Handler;
import org.picogate.http.HttpException;

/** The hook for an app's own error pages: used when it answers, the default page when it fails or stays silent. */
class ErrorHandlerHookTest extends PipeFixture {

    private ResponseImpl response() throws IOException {
        client.write(bytes("GET /x HTTP/1.1\r\nHost: gw\r\nAccept: text/html\r\n\r\n"));
        client.drain();
        RequestHead head = RequestParser.readHead(server, HttpLimits.DEFAULTS);
        return new ResponseImpl(server, head, true, new DateHeader(), new FileResponder(true));
    }

    private String answer() throws IOException {
        server.drain();
        client.shutdownOutput();
        server.close();
        return new String(client.read(100_000), StandardCharsets.UTF_8);
    }

    @Test
    void anAppsErrorHandlerAnswersWithTheRequestHeadAtHand() throws Exception {
        ResponseImpl response = response();
        response.errorHandler((req, resp, error) -> resp.contentType("text/plain")
                .send("custom " + error.status() + " for " + req.path() + " " + resp.status()));
        response.sendError(new HttpException(404, "gone"));
        assertThat(answer()).startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("\r\n\r\ncustom 404 for /x 404");
    }

    @Test
    void aRouterSetsTheHandlerThroughErrorHandlingAndAnHttpExceptionFromTheAppIsAnsweredByIt() throws Exception {
        Handler app = (req, resp) -> {
            throw new HttpException(409, "taken");
        };
        ErrorHandler pages = (req, resp, error) -> resp.send("app page " + error.status());
        Handler router = (req, resp) -> {
            if (resp instanceof ErrorHandling errors) {
                errors.errorHandler(pages);
            }
            app.handle(req, resp);
        };
        try (HttpTestConnection connection = new HttpTestConnection("error-hook", () -> HttpLimits.DEFAULTS,
                () -> router)) {
            connection.send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
            HttpTestConnection.Reply r = connection.read();
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body()).isEqualTo("app page 409");
        }
    }

    @Test
    void theRequestBodyIsOutOfReachOfAnErrorHandler() throws Exception {
        ResponseImpl response = response();
        response.errorHandler((req, resp, error) -> req.bodyStream());
        response.sendError(new HttpException(400, "bad"));
        assertThat(answer()).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("<h1>400 Bad Request</h1>");
    }

    @Test
    void aSilentOrFailingErrorHandlerGivesTheDefaultPageWithoutItsHeaders() throws Exception {
        ResponseImpl response = response();
        response.errorHandler((req, resp, error) -> {
            resp.header("X-Half", "done").status(418);
            throw new IllegalStateException("error handler failure (expected by the test)");
        });
        response.sendError(new HttpException(503, "later"));
        assertThat(answer()).startsWith("HTTP/1.1 503 Service Unavailable\r\n").doesNotContain("X-Half")
                .contains("<p>later</p>");

        openPipeAgain();
        ResponseImpl silent = response();
        silent.errorHandler((req, resp, error) -> { });
        silent.sendError(new HttpException(404, null));
        assertThat(answer()).startsWith("HTTP/1.1 404 Not Found\r\n").contains("<h1>404 Not Found</h1>");
    }

    @Test
    void aHandlerThatFailsWithItsPageStillInTheBodyBufferGetsTheErrorPageAndTheConnectionStays() throws Exception {
        Handler app = (req, resp) -> {
            resp.writer().write(req.path().equals("/big") ? "x".repeat(20_000) : "half a page");
            if (req.path().equals("/boom")) {
                throw new IllegalStateException("handler failure mid-page (expected by the test)");
            }
            throw new HttpException(409, "taken");
        };
        try (HttpTestConnection connection = new HttpTestConnection("pending-page", () -> HttpLimits.DEFAULTS,
                () -> app)) {
            connection.send("GET /conflict HTTP/1.1\r\nHost: gw\r\n\r\n");
            HttpTestConnection.Reply conflict = connection.read();
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.body()).isEqualTo("409 Conflict: taken\n");
            connection.send("GET /boom HTTP/1.1\r\nHost: gw\r\n\r\n"); // the same connection: it stayed
            HttpTestConnection.Reply failed = connection.read();
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.body()).startsWith("500 Internal Server Error: request id r");

            // past the 8 KiB buffer the head and a part of the page went out: only ending the connection is honest
            connection.send("GET /big HTTP/1.1\r\nHost: gw\r\n\r\n");
            assertThat(connection.client.readLine(100)).isEqualTo("HTTP/1.1 200 OK");
            int body = 0;
            try {
                for (byte[] b; (b = connection.client.read(100_000)).length > 0;) {
                    body += b.length;
                }
            } catch (IOException reset) {
                // an abort: the same as the end of input here
            }
            assertThat(body).as("bytes after the status line: never the whole chunked page").isLessThan(20_000);
        }
    }

    private void openPipeAgain() throws Exception {
        closePipe();
        openPipe();
    }
}
