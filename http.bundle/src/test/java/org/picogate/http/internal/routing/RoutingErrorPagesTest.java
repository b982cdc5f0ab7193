package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.http.App;
import org.picogate.http.ErrorHandler;
import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.Response;
import org.picogate.http.Routes;
import org.picogate.http.internal.routing.RoutingServer.Reply;

/** Apps' error handlers behind the real connection code: who answers which error, and what a failing one gives. */
@Timeout(30) // a guard against a hang only
class RoutingErrorPagesTest {
    private final RoutingServer server = new RoutingServer();
    private final Routing routing = server.routing;
    private final RouteProvider api = new RouteProvider(30, 0, "api [8]");

    @AfterEach
    void close() {
        server.close();
    }

    private static ErrorHandler page(String name) {
        return (request, response, error) -> response.status(error.status())
                .send(name + " " + error.status() + " " + request.path() + ": " + error.getMessage());
    }

    @Test
    void aHandlerAnswersTheErrorsUnderItsPrefixA404AndAnHttpExceptionAlike() throws Exception {
        routing.addHandler(api, (request, response) -> {
            throw new HttpException(409, "taken");
        }, List.of("/api/claim"), List.of(), List.of("POST"));
        routing.errorPages().add(1L, 1, 0, "/api", page("api"));

        assertThat(server.exchange("GET", "/api/nothing")).extracting(Reply::status, Reply::body)
                .containsExactly(404, "api 404 /api/nothing: Not Found");
        assertThat(server.exchange("POST", "/api/claim")).extracting(Reply::status, Reply::body)
                .containsExactly(409, "api 409 /api/claim: taken");
        Reply wrongMethod = server.exchange("GET", "/api/claim");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body()).startsWith("api 405");
        assertThat(wrongMethod.header("Allow")).as("kept for the error page").isEqualTo("POST, OPTIONS");

        Reply outside = server.exchange("GET", "/elsewhere");
        assertThat(outside.body()).isEqualTo("404 Not Found: Not Found\n"); // the default page

        routing.errorPages().remove(1L);
        assertThat(server.exchange("GET", "/api/nothing").body()).isEqualTo("404 Not Found: Not Found\n");
    }

    @Test
    void aFailingOrSilentErrorHandlerGivesTheDefaultPageOnAHealthyConnection() throws Exception {
        routing.errorPages().add(1L, 1, 0, "/broken", (request, response, error) -> {
            response.header("X-Half", "set");
            throw new IllegalStateException("error page failure (expected by the test)");
        });
        routing.errorPages().add(2L, 2, 0, "/silent", (request, response, error) -> { });
        routing.errorPages().add(3L, 3, 0, "/half", (request, response, error) -> {
            response.writer().write("half a page");
            throw new IllegalStateException("error page failure mid-page (expected by the test)");
        });

        Reply broken = server.exchange("GET", "/broken/x");
        assertThat(broken.status()).isEqualTo(404);
        assertThat(broken.body()).isEqualTo("404 Not Found: Not Found\n");
        assertThat(broken.headers()).doesNotContainKey("x-half");
        assertThat(server.exchange("GET", "/silent/x").body()).isEqualTo("404 Not Found: Not Found\n");
        Reply half = server.exchange("GET", "/half/x");
        assertThat(half.status()).isEqualTo(404);
        assertThat(half.body()).isEqualTo("404 Not Found: Not Found\n");
    }

    /** An app that answers the errors of its routes and of the paths under its prefix. */
    private static final class ShopApp implements App, ErrorHandler {
        @Override
        public void routes(Routes routes) {
            routes.get("/items/{id}", (request, response) -> {
                throw new HttpException(404, "no item " + request.param("id"));
            });
        }

        @Override
        public void handle(Request request, Response response, HttpException error) throws IOException {
            response.send("shop page: " + error.getMessage());
        }
    }

    @Test
    void anAppThatIsAnErrorHandlerAnswersForItsRoutesAndItsPrefixUntilItGoes() throws Exception {
        routing.errorPages().add(1L, 1, 0, "/shop/items", page("longer prefix"));
        RouteProvider shop = new RouteProvider(40, 0, "shop [9]");
        routing.addApp(shop, "/shop", new ShopApp());

        assertThat(server.exchange("GET", "/shop/items/7")).extracting(Reply::status, Reply::body)
                .as("its own route, although a longer prefix covers it").containsExactly(404, "shop page: no item 7");
        assertThat(server.exchange("GET", "/shop/cart").body()).isEqualTo("shop page: Not Found");
        assertThat(server.exchange("GET", "/shop/items/7/x").body()).startsWith("longer prefix 404");
        assertThat(server.exchange("GET", "/other").body()).isEqualTo("404 Not Found: Not Found\n");

        routing.remove(shop);
        server.clock.advance(RoutingServer.GRACE.plusMillis(1)); // the vacancy of its route closes
        assertThat(server.exchange("GET", "/shop/cart").body()).isEqualTo("404 Not Found: Not Found\n");
    }

    @Test
    void anUpdatedAppKeepsItsErrorHandler() throws Exception {
        RouteProvider v1 = new RouteProvider(40, 0, "shop [9]");
        RouteProvider v2 = new RouteProvider(40, 0, "shop [9]");
        routing.addApp(v1, "/shop", new ShopApp());
        routing.addApp(v2, "/shop", new ShopApp()); // what the whiteboard does on a property change
        routing.forget(v1);
        assertThat(server.exchange("GET", "/shop/cart").body()).isEqualTo("shop page: Not Found");
    }
}
