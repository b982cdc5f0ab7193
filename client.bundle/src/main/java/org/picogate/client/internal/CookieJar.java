package org.picogate.client.internal;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.picogate.client.Headers;

/**
 * The cookies of one session (RFC 6265, the parts a gateway meets): {@code Set-Cookie} with Domain, Path,
 * Max-Age, Expires, Secure; sent back to matching requests in one {@code Cookie} field. Max-Age counts on the
 * scheduler's clock; Expires, a calendar date, is turned into a duration from the wall clock when received. A
 * Domain that does not cover the host that set it is refused, so one host cannot set cookies for another.
 */
final class CookieJar {
    private static final int MAX_COOKIES = 256;

    private record Cookie(String name, String value, String domain, boolean hostOnly, String path, boolean secure,
            long expiresNanos) {
    }

    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Cookie> cookies = new ArrayList<>();

    CookieJar(LongSupplier clock) {
        this.clock = clock;
    }

    /** Takes the {@code Set-Cookie} fields of a response to {@code url}. */
    void receive(URI url, Headers headers) {
        List<String> fields = headers.all("Set-Cookie");
        if (fields.isEmpty()) {
            return;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        lock.lock();
        try {
            for (String field : fields) {
                parse(field, host, url.getRawPath());
            }
        } finally {
            lock.unlock();
        }
    }

    private void parse(String field, String host, String requestPath) {
        String[] parts = field.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return; // RFC 6265 5.2: ignore a cookie without a name
        }
        String name = parts[0].substring(0, eq).strip();
        String value = parts[0].substring(eq + 1).strip();
        String domain = host;
        boolean hostOnly = true;
        String path = defaultPath(requestPath);
        boolean secure = false;
        long now = clock.getAsLong();
        long expires = Long.MAX_VALUE;
        boolean maxAgeSeen = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            int ae = attribute.indexOf('=');
            String key = (ae < 0 ? attribute : attribute.substring(0, ae)).strip().toLowerCase(Locale.ROOT);
            String arg = ae < 0 ? "" : attribute.substring(ae + 1).strip();
            switch (key) {
                case "domain" -> {
                    String d = arg.startsWith(".") ? arg.substring(1) : arg;
                    d = d.toLowerCase(Locale.ROOT);
                    if (!d.isEmpty()) {
                        if (!domainMatches(host, d)) {
                            return; // a host may not set cookies for others
                        }
                        domain = d;
                        hostOnly = false;
                    }
                }
                case "path" -> path = arg.startsWith("/") ? arg : path;
                case "secure" -> secure = true;
                case "max-age" -> {
                    try {
                        long seconds = Long.parseLong(arg);
                        expires = seconds <= 0 ? now : now + Duration.ofSeconds(Math.min(seconds, 1L << 32)).toNanos();
                        maxAgeSeen = true;
                    } catch (NumberFormatException ignored) {
                        // RFC 6265 5.2.2: an invalid Max-Age is ignored
                    }
                }
                case "expires" -> {
                    if (!maxAgeSeen) { // Max-Age wins
                        try {
                            long millis = ZonedDateTime.parse(arg, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
                                    .toEpochMilli() - System.currentTimeMillis();
                            expires = millis <= 0 ? now : now + Duration.ofMillis(millis).toNanos();
                        } catch (DateTimeParseException | ArithmeticException ignored) {
                            // an unreadable date: a session cookie
                        }
                    }
                }
                default -> { } // HttpOnly, SameSite: for browsers
            }
        }
        String finalDomain = domain;
        String finalPath = path;
        cookies.removeIf(c -> c.name().equals(name) && c.domain().equals(finalDomain) && c.path().equals(finalPath));
        if (expires - now > 0 && cookies.size() < MAX_COOKIES) {
            cookies.add(new Cookie(name, value, domain, hostOnly, path, secure, expires));
        }
    }

    /** The {@code Cookie} field for a request to {@code url}, or {@code null} if no cookie matches. */
    String header(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        boolean secure = "https".equalsIgnoreCase(url.getScheme());
        long now = clock.getAsLong();
        StringBuilder s = new StringBuilder();
        lock.lock();
        try {
            cookies.removeIf(c -> c.expiresNanos() != Long.MAX_VALUE && c.expiresNanos() - now <= 0);
            for (Cookie c : cookies) {
                boolean hostOk = c.hostOnly() ? host.equals(c.domain()) : domainMatches(host, c.domain());
                if (hostOk && pathMatches(path, c.path()) && (secure || !c.secure())) {
                    if (!s.isEmpty()) {
                        s.append("; ");
                    }
                    s.append(c.name()).append('=').append(c.value());
                }
            }
        } finally {
            lock.unlock();
        }
        return s.isEmpty() ? null : s.toString();
    }

    private static boolean domainMatches(String host, String domain) {
        return host.equals(domain) || (host.endsWith("." + domain) && !Character.isDigit(host.charAt(
                host.length() - 1)));
    }

    private static boolean pathMatches(String requestPath, String cookiePath) {
        return requestPath.equals(cookiePath) || (requestPath.startsWith(cookiePath) && (cookiePath.endsWith("/")
                || requestPath.charAt(cookiePath.length()) == '/'));
    }

    /** RFC 6265 5.1.4: the request path up to its last slash. */
    private static String defaultPath(String requestPath) {
        if (requestPath == null || !requestPath.startsWith("/")) {
            return "/";
        }
        int last = requestPath.lastIndexOf('/');
        return last == 0 ? "/" : requestPath.substring(0, last);
    }
}
