package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.picogate.http.App;
import org.picogate.http.ErrorHandler;
import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.whiteboard.HttpWhiteboard;
import org.picogate.itests.framework.HttpFixture.Reply;

/**
 * The HTTP whiteboard in Felix over real sockets: Handler services with routes, an App with a prefix, 405 with
 * Allow, ranking, removal (404 once the swap grace is over), the {@code @Route} annotation and
 * {@code picogate:routes}.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class WhiteboardTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Short, so that a removed route is gone soon. */
    static final long GRACE_MILLIS = 300;

    @InjectBundleContext
    BundleContext context;

    /** One server for the class: its port is set once (the routes of the tests do not overlap). */
    static int port;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @BeforeAll
    static void configure(@InjectService(timeout = 10_000) ConfigurationAdmin configAdmin) throws Exception {
        port = HttpFixture.freePort();
        HttpFixture.serve(configAdmin, port, "swapGraceMillis", GRACE_MILLIS);
        HttpFixture.awaitStatus(WAIT, port, "/itest/annotated", 200);
    }

    @AfterAll
    static void resetConfiguration(@InjectService(timeout = 10_000) ConfigurationAdmin configAdmin)
            throws Exception {
        HttpFixture.reset(configAdmin);
    }

    @AfterEach
    void unregister() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the test unregistered it
            }
        }
    }

    private ServiceRegistration<Handler> handler(String text, Object route, Object methods, Integer ranking) {
        Dictionary<String, Object> props = new Hashtable<>();
        if (route != null) {
            props.put(HttpWhiteboard.ROUTE, route);
        }
        if (methods != null) {
            props.put(HttpWhiteboard.METHODS, methods);
        }
        if (ranking != null) {
            props.put(Constants.SERVICE_RANKING, ranking);
        }
        ServiceRegistration<Handler> r = context.registerService(Handler.class,
                (request, response) -> response.send(text), props);
        registrations.add(r);
        return r;
    }

    /** One request on its own connection. */
    static Reply call(String method, String target) throws Exception {
        return HttpFixture.call(port, method, target);
    }

    @Test
    void aHandlerWithARouteIsServedWhileRegisteredThen404AfterTheGrace() throws Exception {
        ServiceRegistration<Handler> hello = handler("hello", "/itest/hello", null, null);

        Reply ok = call("GET", "/itest/hello");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("hello");
        assertThat(call("HEAD", "/itest/hello").status()).isEqualTo(200);

        hello.unregister();
        Await.until(WAIT, () -> "404 once the route is gone", () -> {
            try {
                return call("GET", "/itest/hello").status() == 404;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void aRemovedRouteWithoutReplacementAnswers503WithRetryAfterWithinTheGrace() throws Exception {
        handler("v1", "/itest/swap", null, null).unregister();

        Reply reply = call("GET", "/itest/swap");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.headers()).containsEntry("retry-after", "1");
    }

    @Test
    void aPathServedForOtherMethodsIs405WithAllow() throws Exception {
        handler("read", "/itest/doc", new String[] { "GET", "PUT" }, null);

        Reply post = call("POST", "/itest/doc");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.headers()).containsEntry("allow", "GET, HEAD, PUT, OPTIONS");
        assertThat(call("PUT", "/itest/doc").body()).isEqualTo("read");
    }

    @Test
    void anAppServesItsRoutesUnderItsPrefix() throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboard.PREFIX, "/itest/notes");
        App notes = routes -> routes
                .get("/", (request, response) -> response.send("all notes"))
                .get("/{id}", (request, response) -> response.send("note " + request.param("id")))
                .post("/", (request, response) -> response.status(201).send("added"));
        ServiceRegistration<App> app = context.registerService(App.class, notes, props);
        registrations.add(app);

        assertThat(call("GET", "/itest/notes/").body()).isEqualTo("all notes");
        assertThat(call("GET", "/itest/notes/42").body()).isEqualTo("note 42");
        assertThat(call("POST", "/itest/notes/").status()).isEqualTo(201);
        Reply redirect = call("GET", "/itest/notes?x=1");
        assertThat(redirect.status()).isEqualTo(308);
        assertThat(redirect.headers()).containsEntry("location", "/itest/notes/?x=1");
        assertThat(routes()).contains("/itest/notes/{id}").contains(context.getBundle().getSymbolicName());
    }

    @Test
    void theHigherRankingWinsThenTheOlderServiceAndTheOtherTakesOverAtOnce() throws Exception {
        handler("first", "/itest/ranked", null, null);
        handler("second", "/itest/ranked", null, null);
        assertThat(call("GET", "/itest/ranked").body()).as("equal ranking: the lower service.id").isEqualTo("first");

        ServiceRegistration<Handler> best = handler("best", "/itest/ranked", null, 10);
        assertThat(call("GET", "/itest/ranked").body()).isEqualTo("best");
        assertThat(routes()).contains("shadowed by " + best.getReference().getProperty(Constants.SERVICE_ID));

        best.unregister();
        assertThat(call("GET", "/itest/ranked").body()).isEqualTo("first");
    }

    @Test
    void anErrorHandlerServiceAnswersTheErrorsUnderItsPrefixUntilItIsUnregistered() throws Exception {
        registrations.add(context.registerService(Handler.class, (request, response) -> {
            throw new HttpException(409, "already claimed");
        }, props(HttpWhiteboard.ROUTE, "/itest/errors/claim", HttpWhiteboard.METHODS, "POST")));
        ErrorHandler pages = (request, response, error) -> response.contentType("text/plain; charset=utf-8")
                .send("itest page: " + error.status() + " " + error.getMessage() + " at " + request.path());
        ServiceRegistration<ErrorHandler> errors = context.registerService(ErrorHandler.class, pages,
                props(HttpWhiteboard.PREFIX, "/itest/errors"));
        registrations.add(errors);

        Reply missing = call("GET", "/itest/errors/nothing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("itest page: 404 Not Found at /itest/errors/nothing");
        Reply conflict = call("POST", "/itest/errors/claim");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).isEqualTo("itest page: 409 already claimed at /itest/errors/claim");
        assertThat(call("GET", "/itest/other-errors").body()).as("outside its prefix")
                .isEqualTo("404 Not Found: Not Found\n");

        ServiceRegistration<ErrorHandler> failing = context.registerService(ErrorHandler.class,
                (request, response, error) -> {
                    throw new IllegalStateException("a failing error page (expected by the test)");
                }, props(HttpWhiteboard.PREFIX, "/itest/errors/broken"));
        registrations.add(failing);
        Reply broken = call("GET", "/itest/errors/broken/x");
        assertThat(broken.status()).isEqualTo(404);
        assertThat(broken.body()).as("a failing handler gives the default page").isEqualTo("404 Not Found: Not Found\n");

        errors.unregister();
        assertThat(call("GET", "/itest/errors/nothing").body()).isEqualTo("404 Not Found: Not Found\n");
        assertThat(call("POST", "/itest/errors/claim").body()).isEqualTo("409 Conflict: already claimed\n");
    }

    @Test
    void aPrefixAnnotationLimitsAnErrorHandlerComponentToItsPaths() throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(ErrorHandler.class.getName(),
                "(" + HttpWhiteboard.PREFIX + "=/itest/annotated-errors)");
        assertThat(refs).hasSize(1);

        Reply under = call("GET", "/itest/annotated-errors/missing");
        assertThat(under.status()).isEqualTo(404);
        assertThat(under.body()).isEqualTo("annotated error page 404");
        assertThat(call("GET", "/itest/annotated-errorsx").body()).isEqualTo("404 Not Found: Not Found\n");
    }

    private static Dictionary<String, Object> props(Object... keysAndValues) {
        Dictionary<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    @Test
    void aRouteAnnotationMakesAComponentARoute() throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(Handler.class.getName(),
                "(" + HttpWhiteboard.ROUTE + "=/itest/annotated)");
        assertThat(refs).hasSize(1);
        assertThat(refs[0].getProperty(HttpWhiteboard.METHODS)).isEqualTo(new String[] { "GET" });

        assertThat(call("GET", "/itest/annotated").body()).isEqualTo("annotated");
    }

    @Test
    void aBadRouteIsListedAsAFailureWithItsReason() throws Exception {
        ServiceRegistration<Handler> bad = handler("bad", "/itest/{1bad}", null, null);

        assertThat(routes()).contains("FAILED").contains("/itest/{1bad}").contains("is not a name");
        bad.unregister();
        assertThat(routes()).doesNotContain("/itest/{1bad}");
    }

    /** Runs {@code picogate:routes} as Gogo would: the command service's {@code routes()} method. */
    private String routes() throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences((String) null,
                "(&(osgi.command.scope=picogate)(osgi.command.function=routes))");
        assertThat(refs).as("the picogate:routes command service").hasSize(1);
        Object command = context.getService(refs[0]);
        try {
            return (String) command.getClass().getMethod("routes").invoke(command);
        } finally {
            context.ungetService(refs[0]);
        }
    }
}
