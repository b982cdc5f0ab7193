package org.picogate.console.internal.web;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.picogate.console.internal.security.LoginThrottle;
import org.picogate.console.internal.security.PasswordHash;
import org.picogate.console.internal.security.Sessions;
import org.picogate.http.Cookie;
import org.picogate.http.Request;
import org.picogate.http.Response;

/**
 * The login form, the login and the logout. A login makes a new session (never one the client brought, so a
 * planted cookie cannot be fixed on a victim) whose id goes out once, in an HttpOnly, SameSite=Strict cookie on
 * {@code /console}. Failed logins are counted per address ({@link LoginThrottle}). Password checks run one at a time:
 * each costs about 0.5 s of a core, and a burst of them must not take both cores of a gateway.
 */
public final class LoginPages {

    /** Longer input is not a password anyone types; bounding it bounds the hash's work. */
    static final int MAX_PASSWORD_LENGTH = 1024;

    private final Supplier<ConsoleSettings> settings;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Pages pages;
    private final Logger log;
    private final ReentrantLock hashing = new ReentrantLock(true);

    public LoginPages(Supplier<ConsoleSettings> settings, Sessions sessions, LoginThrottle throttle, Pages pages,
            Logger log) {
        this.settings = settings;
        this.sessions = sessions;
        this.throttle = throttle;
        this.pages = pages;
        this.log = log;
    }

    public void form(Request request, Response response) throws Exception {
        if (sessions.find(request.cookie(Guard.COOKIE)).isPresent()) {
            response.redirect(303, Guard.BASE + "/");
            return;
        }
        show(response, 200, null);
    }

    public void login(Request request, Response response) throws Exception {
        InetAddress address = Guard.inet(request);
        Duration wait = throttle.retryAfter(address);
        if (!wait.isZero()) {
            response.header("Retry-After", Long.toString(Guard.seconds(wait)));
            show(response, 429, "Too many failed logins from this address. Try again in " + Guard.seconds(wait)
                    + " s.");
            return;
        }
        PasswordHash hash = settings.get().passwordHash();
        if (hash == null) {
            show(response, 403, "Password login is off: no passwordHash is configured (scripts use the token).");
            return;
        }
        String given = request.form().field("password");
        if (!matches(hash, given)) {
            throttle.failed(address);
            log.warn("console: failed login from {}", Guard.address(request));
            show(response, 401, "Wrong password.");
            return;
        }
        throttle.succeeded(address);
        Sessions.Created created = sessions.create();
        response.cookie(Cookie.of(Guard.COOKIE, created.id()).withPath(Guard.BASE).withHttpOnly(true)
                .withSameSite(Cookie.SameSite.STRICT).withSecure(settings.get().secureCookie()));
        log.info("console: login from {}", Guard.address(request));
        response.redirect(303, Guard.BASE + "/");
    }

    public void logout(Request request, Response response, Caller caller) throws Exception {
        sessions.remove(request.cookie(Guard.COOKIE));
        response.cookie(Cookie.of(Guard.COOKIE, "").withPath(Guard.BASE).withHttpOnly(true)
                .withSameSite(Cookie.SameSite.STRICT).withSecure(settings.get().secureCookie())
                .withMaxAge(Duration.ZERO));
        log.info("console: logout from {}", caller.address());
        response.redirect(303, Guard.BASE + "/login");
    }

    private boolean matches(PasswordHash hash, String given) {
        if (given == null || given.isEmpty() || given.length() > MAX_PASSWORD_LENGTH) {
            return false;
        }
        char[] password = given.toCharArray();
        hashing.lock();
        try {
            return hash.matches(password);
        } finally {
            hashing.unlock();
            Arrays.fill(password, '\0');
        }
    }

    private void show(Response response, int status, String error) throws Exception {
        Map<String, Object> params = new HashMap<>();
        params.put("error", error);
        params.put("passwordLogin", settings.get().passwordHash() != null);
        pages.send(response, status, "login.jte", params);
    }
}
