package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.picogate.http.Handler;
import org.picogate.http.internal.routing.RoutingServer.Reply;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Task;

/** Requests through the router over real connections: answers by rule, and the hot swap on virtual time. */
@Timeout(30) // a guard against a hang only; every wait below is on the virtual clock
class RoutingTest {
    private final RoutingServer server = new RoutingServer();
    private final Routing routing = server.routing;
    private final RouteProvider v1 = new RouteProvider(20, 0, "handler [7]");
    private final RouteProvider v2 = new RouteProvider(21, 0, "handler [7]");

    @AfterEach
    void close() {
        server.close();
    }

    private static Handler says(String text) {
        return (request, response) -> response.send(text);
    }

    private void serve(RouteProvider provider, String path, Handler handler) {
        routing.addHandler(provider, handler, List.of(path), List.of(), List.of("GET"));
    }

    @Test
    void aRouteAnswersWithItsParameters() throws Exception {
        routing.addApp(v1, "/notes", routes -> routes
                .get("/{id}", (request, response) -> response.send("note " + request.param("id")))
                .regex("GET", "/(?<year>\\d{4})/all", (request, response) -> response.send(request.param("year")
                        + " " + request.param("1"))));

        assertThat(server.exchange("GET", "/notes/7").body()).isEqualTo("note 7");
        assertThat(server.exchange("GET", "/notes/a%20b").body()).isEqualTo("note a b");
        assertThat(server.exchange("GET", "/notes/2026/all").body()).isEqualTo("2026 2026");
        assertThat(server.exchange("GET", "/notes/7/x").status()).isEqualTo(404);
    }

    @Test
    void aWrongMethodIs405WithAllowAndOptionsIsAnswered() throws Exception {
        routing.addApp(v1, "", routes -> routes.get("/a", says("a")).post("/a", says("posted")));

        Reply put = server.exchange("PUT", "/a");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).isEqualTo("GET, HEAD, POST, OPTIONS");
        Reply options = server.exchange("OPTIONS", "/a");
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Allow")).isEqualTo("GET, HEAD, POST, OPTIONS");
        assertThat(server.exchange("POST", "/a").body()).isEqualTo("posted");
    }

    @Test
    void headIsAnsweredByTheGetRouteWithoutBody() throws Exception {
        serve(v1, "/a", says("twelve bytes"));

        Reply head = server.exchange("HEAD", "/a");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("12");
    }

    @Test
    void theOtherSlashFormIsRedirectedWithItsQuery() throws Exception {
        serve(v1, "/a", says("a"));
        serve(v2, "/b%c/", says("b"));

        Reply toA = server.exchange("GET", "/a/?x=1");
        assertThat(toA.status()).isEqualTo(308);
        assertThat(toA.header("Location")).isEqualTo("/a?x=1");
        Reply toB = server.exchange("GET", "/b%25c");
        assertThat(toB.status()).isEqualTo(308);
        assertThat(toB.header("Location")).isEqualTo("/b%25c/");
    }

    @Test
    void unmatchedPathsGoToTheStaticFilesThenTheFallback() throws Exception {
        serve(v1, "/a", says("a"));
        assertThat(server.exchange("GET", "/static/here").body()).isEqualTo("a static file");
        assertThat(server.exchange("GET", "/nothing").status()).isEqualTo(404);

        routing.addHandler(v2, says("fallback"), List.of(), List.of(), List.of());
        assertThat(server.exchange("GET", "/nothing").body()).isEqualTo("fallback");
        assertThat(server.exchange("POST", "/static/missing").body()).isEqualTo("fallback");
        assertThat(server.exchange("GET", "/a").body()).isEqualTo("a");
    }

    @Test
    void aRequestForAVacantRouteWaitsForTheReplacement() throws Exception {
        serve(v1, "/v", says("v1"));
        assertThat(routing.remove(v1)).isTrue();

        Task<Reply> waiting = server.send("GET", "/v");
        server.clock.advance(Duration.ofMillis(1500));
        assertThat(waiting.state()).isEqualTo(Task.State.RUNNING);

        serve(v2, "/v", says("v2"));
        assertThat(waiting.join().body()).isEqualTo("v2");
    }

    @Test
    void withoutReplacementTheWaitEndsIn503AfterTheGraceThenTheRouteIs404() throws Exception {
        serve(v1, "/v", says("v1"));
        routing.remove(v1);

        Task<Reply> waiting = server.send("GET", "/v");
        server.clock.advance(RoutingServer.GRACE);
        Reply reply = waiting.join();
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("2");
        assertThat(server.exchange("GET", "/v").status()).isEqualTo(404);
    }

    @Test
    void removalWaitsForTheRequestsInFlightOnTheOldHandler() throws Exception {
        Event release = server.scheduler.event();
        serve(v1, "/v", (request, response) -> {
            release.await();
            response.send("v1");
        });
        Task<Reply> inFlight = server.send("GET", "/v");
        server.clock.advance(Duration.ofMillis(1));

        Task<Boolean> removal = server.scheduler.spawn("remove v1", () -> routing.remove(v1));
        server.clock.advance(Duration.ofMillis(500));
        assertThat(removal.state()).isEqualTo(Task.State.RUNNING);
        Task<Reply> next = server.send("GET", "/v");
        serve(v2, "/v", says("v2"));
        assertThat(next.join().body()).isEqualTo("v2");

        release.set();
        assertThat(inFlight.join().body()).isEqualTo("v1");
        assertThat(removal.join()).isTrue();
    }

    @Test
    void theDrainIsBoundedByTheGrace() throws Exception {
        Event never = server.scheduler.event();
        serve(v1, "/slow", (request, response) -> {
            never.await();
            response.send("late");
        });
        server.send("GET", "/slow");
        server.clock.advance(Duration.ofMillis(1));

        Task<Boolean> removal = server.scheduler.spawn("remove v1", () -> routing.remove(v1));
        server.clock.advance(RoutingServer.GRACE);
        assertThat(removal.join()).isFalse();
    }

    @Test
    void anAppServesAStaticDirectoryUnderItsPrefix(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "file a");
        routing.addApp(v1, "/app", routes -> routes.statics("/files", dir).statics("/bad/{x}", dir));

        assertThat(server.exchange("GET", "/app/files/a.txt").body()).isEqualTo("file a");
        assertThat(server.exchange("HEAD", "/app/files/a.txt").header("Content-Length")).isEqualTo("6");
        assertThat(server.exchange("GET", "/app/files/missing.txt").status()).isEqualTo(404);
        assertThat(server.exchange("GET", "/app/files/../a.txt").status()).isEqualTo(404);
        assertThat(server.exchange("POST", "/app/files/a.txt").status()).isEqualTo(405);
        assertThat(routing.failures()).extracting(RouteFailure::reason).singleElement().asString()
                .contains("no parameters in a static prefix");
    }

    @Test
    void failuresAreKeptWhileTheirProviderIsRegistered() {
        routing.addApp(v1, "", routes -> routes.get("/ok", says("ok")).get("bad", says("bad")));
        routing.addApp(v2, "", routes -> {
            throw new IllegalStateException("no database");
        });

        assertThat(routing.failures()).extracting(RouteFailure::route).containsExactly("GET bad", "(all its routes)");
        assertThat(routing.routes()).extracting(RouteView::pattern).containsExactly("/ok");
        routing.remove(v1);
        routing.remove(v2);
        assertThat(routing.failures()).isEmpty();
        assertThat(routing.routes()).extracting(RouteView::state).singleElement().asString().startsWith("vacant");
    }
}
