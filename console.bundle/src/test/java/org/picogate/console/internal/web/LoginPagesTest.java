package org.picogate.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.picogate.console.internal.security.LoginThrottle;
import org.picogate.console.internal.security.PasswordHash;
import org.picogate.console.internal.security.Sessions;
import org.picogate.scheduler.testing.VirtualClock;

class LoginPagesTest {

    static final String PASSWORD = "correct horse";
    static final PasswordHash HASH = PasswordHash.create(PASSWORD.toCharArray(), 10_000, new SecureRandom());

    private final VirtualClock clock = VirtualClock.create();
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), 10, new SecureRandom());
    private final AtomicReference<ConsoleSettings> settings = new AtomicReference<>(settings(HASH, false));
    private final List<String> logged = new ArrayList<>();
    private final LoginPages login = new LoginPages(settings::get, sessions, LoginThrottle.standard(clock),
            new Pages(), LogRecorder.logger(logged));

    private static ConsoleSettings settings(PasswordHash hash, boolean secureCookie) {
        return new ConsoleSettings(hash, null, false, secureCookie, 1000, Duration.ofMinutes(30), 100, List.of());
    }

    private Exchange attempt(String password) throws Exception {
        Exchange x = new Exchange("127.0.0.1").post("/console/login").field("password", password);
        login.login(x.request(), x.response());
        return x;
    }

    @Test
    void theRightPasswordStartsANewSessionInAStrictHttpOnlyCookie() throws Exception {
        Exchange x = attempt(PASSWORD);
        assertThat(x.status).isEqualTo(303);
        assertThat(x.redirect).isEqualTo("/console/");
        assertThat(x.setCookies).singleElement().satisfies(c -> assertThat(c)
                .contains("picogate_console", "/console", "httpOnly=true", "STRICT", "secure=false"));
        assertThat(sessions.size()).isEqualTo(1);
        assertThat(logged).containsExactly("info console: login from 127.0.0.1");

        settings.set(settings(HASH, true)); // behind HTTPS
        assertThat(attempt(PASSWORD).setCookies).singleElement().satisfies(c -> assertThat(c).contains("secure=true"));
    }

    @Test
    void aWrongPasswordIs401WithTheFormAndNoCookieAndTheSixthLocksTheAddressOut() throws Exception {
        for (int i = 0; i < 6; i++) {
            Exchange wrong = attempt("wrong " + i);
            assertThat(wrong.status).isEqualTo(401);
            assertThat(wrong.body.toString()).contains("Wrong password.").doesNotContain("wrong " + i);
            assertThat(wrong.setCookies).isEmpty();
        }
        Exchange locked = attempt(PASSWORD); // the right one, but too soon: not even checked
        assertThat(locked.status).isEqualTo(429);
        assertThat(locked.responseHeaders).containsEntry("Retry-After", "1");
        assertThat(locked.body.toString()).contains("Too many failed logins");
        assertThat(sessions.size()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempt(PASSWORD).status).isEqualTo(303);
        assertThat(logged).filteredOn(l -> l.contains("failed login from 127.0.0.1")).hasSize(6);
        assertThat(logged).noneSatisfy(l -> assertThat(l).contains("wrong ").contains(PASSWORD));
    }

    @Test
    void emptyAndOverlongPasswordsFailWithoutHashing() throws Exception {
        assertThat(attempt("").status).isEqualTo(401);
        assertThat(attempt("x".repeat(LoginPages.MAX_PASSWORD_LENGTH + 1)).status).isEqualTo(401);
    }

    @Test
    void withoutAPasswordHashTheFormSaysPasswordLoginIsOff() throws Exception {
        settings.set(settings(null, false));
        Exchange x = attempt(PASSWORD);
        assertThat(x.status).isEqualTo(403);
        assertThat(x.body.toString()).contains("Password login is off").doesNotContain("<input type=\"password\"");
    }

    @Test
    void logoutEndsTheSessionAndExpiresTheCookie() throws Exception {
        Sessions.Created created = sessions.create();
        Exchange x = new Exchange("127.0.0.1").post("/console/logout");
        x.cookies.put(Guard.COOKIE, created.id());
        login.logout(x.request(), x.response(), new Caller(created.session(), "127.0.0.1"));
        assertThat(x.redirect).isEqualTo("/console/login");
        assertThat(sessions.find(created.id())).isEmpty();
        assertThat(x.setCookies).singleElement().satisfies(c -> assertThat(c).contains("maxAge=PT0S"));
    }
}
