package org.picogate.console.internal.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.picogate.console.internal.security.AddressCheck;
import org.picogate.console.internal.security.LoginThrottle;
import org.picogate.console.internal.security.Secrets;
import org.picogate.console.internal.security.Sessions;
import org.picogate.console.internal.security.Sessions.Session;
import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.Response;

/**
 * Every console route goes through here, in this order: the address check (a remote address or host when remote
 * access is off: 404, as if there were no console); security headers on every answer; the caller (a bearer token,
 * else the session cookie; none: a page redirects to the login form, anything else gets 401); for a POST, the
 * body's size against its limit (413, before a byte of it is read) and the session's CSRF token, from the
 * {@code X-CSRF-Token} header or the form's {@code csrf} field (403 without it). A script with the token needs no
 * CSRF token: it sends no cookie a foreign page could ride on.
 */
public final class Guard {

    public static final String BASE = "/console";
    public static final String COOKIE = "picogate_console";
    public static final String CSRF_FIELD = "csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Bodies of actions other than the upload are small forms. */
    static final long FORM_LIMIT = 256 * 1024;

    /** No inline script or style: the pages load console.js and console.css and nothing else. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Supplier<ConsoleSettings> settings;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Logger log;

    public Guard(Supplier<ConsoleSettings> settings, Sessions sessions, LoginThrottle throttle, Logger log) {
        this.settings = settings;
        this.sessions = sessions;
        this.throttle = throttle;
        this.log = log;
    }

    /** A route open to anyone who passes the address check: the login form and the static files. */
    public Handler open(Handler handler) {
        return (request, response) -> {
            admit(request, response);
            handler.handle(request, response);
        };
    }

    /** The login itself: open, with a small body. */
    public Handler openForm(Handler handler) {
        return (request, response) -> {
            admit(request, response);
            checkLength(request, FORM_LIMIT);
            handler.handle(request, response);
        };
    }

    /** A page (GET): for a logged-in caller; anyone else is sent to the login form. */
    public Handler page(ConsoleHandler handler) {
        return (request, response) -> {
            admit(request, response);
            Optional<Caller> caller = caller(request, response);
            if (caller.isEmpty()) {
                response.redirect(303, BASE + "/login");
                return;
            }
            handler.handle(request, response, caller.get());
        };
    }

    /** An action (POST) with a small form body. */
    public Handler action(ConsoleHandler handler) {
        return action(handler, () -> FORM_LIMIT);
    }

    /** An action (POST) whose body may have up to {@code maxBody} bytes. */
    public Handler action(ConsoleHandler handler, LongSupplier maxBody) {
        return (request, response) -> {
            admit(request, response);
            Caller caller = caller(request, response).orElseThrow(() -> unauthorized(response));
            checkLength(request, maxBody.getAsLong());
            if (!caller.isScript() && !caller.session().csrfMatches(csrfToken(request))) {
                log.warn("console: {} {} from {} refused: no valid CSRF token", request.method(), request.path(),
                        caller.address());
                throw new HttpException(403, "Forbidden: the request has no valid CSRF token; reload the page");
            }
            handler.handle(request, response, caller);
        };
    }

    /** 404 for a request the console must not answer; else the security headers. */
    void admit(Request request, Response response) {
        if (!settings.get().allowRemote() && !(AddressCheck.isLoopback(request.remoteAddress())
                && AddressCheck.isLoopbackHost(request.header("Host")))) {
            throw new HttpException(404, "Not Found");
        }
        response.header("Cache-Control", "no-store");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Content-Security-Policy", CSP);
    }

    /** The caller: the bearer token (a wrong one is 401 and counts as a failed login), else the session. */
    Optional<Caller> caller(Request request, Response response) {
        String address = address(request);
        String authorization = request.header("Authorization");
        if (authorization != null) {
            InetAddress inet = inet(request);
            Duration wait = throttle.retryAfter(inet);
            if (!wait.isZero()) {
                throw tooManyFailures(response, wait);
            }
            String token = settings.get().token();
            boolean bearer = authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            if (token != null && bearer && Secrets.equal(token, authorization.substring(7).strip())) {
                return Optional.of(new Caller(null, address));
            }
            throttle.failed(inet);
            log.warn("console: a wrong token from {}", address);
            throw unauthorized(response);
        }
        Optional<Session> session = sessions.find(request.cookie(COOKIE));
        return session.map(s -> new Caller(s, address));
    }

    private static String csrfToken(Request request) throws java.io.IOException {
        String header = request.header(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        String type = request.header("Content-Type");
        if (type == null) {
            return null;
        }
        return request.form().field(CSRF_FIELD);
    }

    private static void checkLength(Request request, long max) {
        String length = request.header("Content-Length");
        if (length == null) {
            return; // chunked: the handler bounds what it reads
        }
        long n;
        try {
            n = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw new HttpException(400, "Bad Request: malformed Content-Length");
        }
        if (n > max) {
            throw new HttpException(413, "Content Too Large: at most " + max + " bytes");
        }
    }

    static HttpException unauthorized(Response response) {
        response.header("WWW-Authenticate", "Bearer realm=\"picogate console\"");
        return new HttpException(401, "Unauthorized: log in at " + BASE + "/login, or send the console's token");
    }

    static HttpException tooManyFailures(Response response, Duration wait) {
        long seconds = seconds(wait);
        response.header("Retry-After", Long.toString(seconds));
        return new HttpException(429, "Too Many Requests: too many failed logins from this address; try again in "
                + seconds + " s");
    }

    /** Whole seconds, rounded up, at least one. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    static String address(Request request) {
        return request.remoteAddress() instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(request.remoteAddress());
    }

    static InetAddress inet(Request request) {
        return request.remoteAddress() instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress() : InetAddress.getLoopbackAddress();
    }
}
