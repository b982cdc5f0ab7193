package org.picogate.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;
import org.picogate.console.internal.security.LoginThrottle;
import org.picogate.console.internal.security.Sessions;
import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.scheduler.testing.VirtualClock;

class GuardTest {

    static final String TOKEN = "t".repeat(40);

    private final VirtualClock clock = VirtualClock.create();
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), 10, new SecureRandom());
    private final AtomicReference<ConsoleSettings> settings = new AtomicReference<>(settings(false));
    private final List<String> logged = new ArrayList<>();
    private final Guard guard = new Guard(settings::get, sessions, LoginThrottle.standard(clock),
            LogRecorder.logger(logged));
    private final List<Caller> served = new ArrayList<>();
    private final ConsoleHandler record = (request, response, caller) -> served.add(caller);

    private static ConsoleSettings settings(boolean allowRemote) {
        return new ConsoleSettings(null, TOKEN, allowRemote, false, 1000, Duration.ofMinutes(30), 100, List.of());
    }

    private static void call(Handler handler, Exchange x) throws Exception {
        handler.handle(x.request(), x.response());
    }

    private static void assertStatus(Handler handler, Exchange x, int status) {
        assertThatThrownBy(() -> call(handler, x)).isInstanceOfSatisfying(HttpException.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }

    private Exchange loggedIn(Exchange x) {
        Sessions.Created created = sessions.create();
        x.cookies.put(Guard.COOKIE, created.id());
        return x;
    }

    @Test
    void remoteAddressesAndForeignHostsGet404UnlessRemoteIsAllowed() throws Exception {
        assertStatus(guard.open((q, r) -> { }), new Exchange("192.168.1.20"), 404);
        assertStatus(guard.page(record), loggedIn(new Exchange("10.1.2.3")), 404);
        Exchange rebound = new Exchange("127.0.0.1");
        rebound.requestHeaders.put("Host", "attacker.example");
        assertStatus(guard.page(record), loggedIn(rebound), 404);
        assertThat(served).isEmpty();

        settings.set(settings(true));
        call(guard.page(record), loggedIn(new Exchange("192.168.1.20")));
        assertThat(served).hasSize(1);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        Exchange x = new Exchange("127.0.0.1");
        call(guard.open((q, r) -> { }), x);
        assertThat(x.responseHeaders).containsEntry("Cache-Control", "no-store")
                .containsEntry("X-Frame-Options", "DENY").containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "no-referrer").containsKey("Content-Security-Policy");
        assertThat(x.responseHeaders.get("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void aPageWithoutSessionRedirectsToTheLoginForm() throws Exception {
        Exchange x = new Exchange("127.0.0.1");
        call(guard.page(record), x);
        assertThat(x.status).isEqualTo(303);
        assertThat(x.redirect).isEqualTo("/console/login");
        assertThat(served).isEmpty();

        Exchange forged = new Exchange("127.0.0.1");
        forged.cookies.put(Guard.COOKIE, "not-a-session");
        call(guard.page(record), forged);
        assertThat(forged.redirect).isEqualTo("/console/login");
        assertThat(served).isEmpty();
    }

    @Test
    void anActionWithoutSessionIs401() throws Exception {
        Exchange x = new Exchange("127.0.0.1").post("/console/bundles/5/stop");
        assertStatus(guard.action(record), x, 401);
        assertThat(x.responseHeaders).containsKey("WWW-Authenticate");
        assertThat(served).isEmpty();
    }

    @Test
    void anActionNeedsTheSessionsCsrfToken() throws Exception {
        Sessions.Created created = sessions.create();
        String csrf = created.session().csrfToken();

        Exchange none = new Exchange("127.0.0.1").post("/console/bundles/5/stop");
        none.cookies.put(Guard.COOKIE, created.id());
        assertStatus(guard.action(record), none, 403);

        Exchange wrong = new Exchange("127.0.0.1").post("/console/bundles/5/stop").field("csrf", csrf + "x");
        wrong.cookies.put(Guard.COOKIE, created.id());
        assertStatus(guard.action(record), wrong, 403);

        Exchange otherSessions = new Exchange("127.0.0.1").post("/console/bundles/5/stop")
                .field("csrf", sessions.create().session().csrfToken());
        otherSessions.cookies.put(Guard.COOKIE, created.id());
        assertStatus(guard.action(record), otherSessions, 403);
        assertThat(served).isEmpty();

        Exchange field = new Exchange("127.0.0.1").post("/console/bundles/5/stop").field("csrf", csrf);
        field.cookies.put(Guard.COOKIE, created.id());
        call(guard.action(record), field);
        Exchange header = new Exchange("127.0.0.1").post("/console/bundles/5/stop");
        header.requestHeaders.put("X-CSRF-Token", csrf);
        header.cookies.put(Guard.COOKIE, created.id());
        call(guard.action(record), header);
        assertThat(served).hasSize(2).allSatisfy(c -> assertThat(c.isScript()).isFalse());
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("no valid CSRF token"))
                .allSatisfy(line -> assertThat(line).doesNotContain(csrf).doesNotContain(created.id()));
    }

    @Test
    void theBearerTokenNeedsNoCsrfTokenAndAWrongOneIsThrottled() throws Exception {
        Exchange script = new Exchange("127.0.0.1").post("/console/bundles/5/stop");
        script.requestHeaders.put("Authorization", "Bearer " + TOKEN);
        call(guard.action(record), script);
        assertThat(served).singleElement().satisfies(c -> assertThat(c.isScript()).isTrue());

        for (int i = 0; i < 6; i++) {
            Exchange wrong = new Exchange("127.0.0.1").post("/console/bundles/5/stop");
            wrong.requestHeaders.put("Authorization", "Bearer " + TOKEN.substring(1) + "x");
            assertStatus(guard.action(record), wrong, 401);
        }
        Exchange locked = new Exchange("127.0.0.1").post("/console/bundles/5/stop");
        locked.requestHeaders.put("Authorization", "Bearer " + TOKEN);
        assertStatus(guard.action(record), locked, 429);
        assertThat(locked.responseHeaders).containsEntry("Retry-After", "1");
        clock.advance(Duration.ofSeconds(1));
        call(guard.action(record), locked);
        assertThat(served).hasSize(2);
        assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN.substring(1)));
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
        Exchange x = loggedIn(new Exchange("127.0.0.1").post("/console/bundles/upload"));
        x.requestHeaders.put("Content-Length", "1001");
        assertStatus(guard.action(record, () -> 1000), x, 413);
        assertThat(x.formRead).isFalse();
        Exchange bad = loggedIn(new Exchange("127.0.0.1").post("/console/bundles/upload"));
        bad.requestHeaders.put("Content-Length", "12x");
        assertStatus(guard.action(record, () -> 1000), bad, 400);
    }
}
