package org.picogate.http.internal.routing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.Routes;
import org.picogate.http.internal.StaticFiles;

/**
 * Gathers the routes of one provider (an {@code App}'s {@link #routes} call, or a {@code Handler} service's
 * properties), under its prefix. A route that cannot be served is not thrown back at the app, which would lose
 * its other routes: it becomes a {@link RouteFailure}, and the rest are served.
 */
final class RouteCollector implements Routes {
    private final RouteProvider provider;
    private final String prefix;
    private final List<RouteEntry> entries = new ArrayList<>();
    private final List<RouteFailure> failures = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    /**
     * @param prefix {@code ""} or a path such as {@code /notes} put before every route
     * @throws IllegalArgumentException for a prefix that does not start with {@code /} or is not a plain path
     */
    RouteCollector(RouteProvider provider, String prefix) {
        this.provider = provider;
        String p = prefix == null ? "" : prefix.strip();
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.isEmpty()) {
            PathPattern checked = PathPattern.parse(p);
            if (!checked.exact()) {
                throw new IllegalArgumentException("bad prefix " + prefix + ": no parameters in a prefix");
            }
        }
        this.prefix = p;
    }

    @Override
    public Routes route(String method, String pattern, Handler handler) {
        String declared = method + " " + prefix + pattern;
        try {
            add(method(method), PathPattern.parse(prefix + Objects.requireNonNull(pattern, "pattern")), handler,
                    declared);
        } catch (IllegalArgumentException | NullPointerException bad) {
            fail(declared, bad.getMessage());
        }
        return this;
    }

    @Override
    public Routes regex(String method, String regex, Handler handler) {
        String full = prefix.isEmpty() ? regex : Pattern.quote(prefix) + regex;
        String declared = method + " ~" + full;
        try {
            add(method(method), RegexPattern.parse(full), handler, declared);
        } catch (IllegalArgumentException | NullPointerException bad) {
            fail(declared, bad.getMessage());
        }
        return this;
    }

    @Override
    public Routes statics(String at, Path dir) {
        String declared = "GET " + prefix + at + " (files of " + dir + ")";
        try {
            PathPattern checked = PathPattern.parse(prefix + at);
            if (!checked.exact()) {
                throw new IllegalArgumentException("no parameters in a static prefix: " + checked);
            }
            String base = checked.source().endsWith("/") ? checked.source().substring(0, checked.source().length() - 1)
                    : checked.source();
            StaticFiles files = new StaticFiles(base.isEmpty() ? "/" : base, dir.toAbsolutePath());
            add("GET", RegexPattern.statics(base), staticFiles(files), declared);
        } catch (IllegalArgumentException | NullPointerException bad) {
            fail(declared, bad.getMessage());
        }
        return this;
    }

    private static Handler staticFiles(StaticFiles files) {
        return (request, response) -> {
            switch (files.resolve(request.path(), request.rawQuery())) {
                case StaticFiles.Found found -> response.sendFile(found.file());
                case StaticFiles.Redirect redirect -> {
                    response.status(301).header("Location", redirect.location());
                    response.send(new byte[0]);
                }
                case StaticFiles.NotFound none -> throw new HttpException(404, "Not Found");
            }
        };
    }

    /** The fallback route of a {@code Handler} service without route. */
    void fallback(Handler handler) {
        entries.add(new RouteEntry("*", null, handler, provider));
    }

    private void add(String method, RoutePattern pattern, Handler handler, String declared) {
        Objects.requireNonNull(handler, "handler");
        RouteEntry entry = new RouteEntry(method, pattern, handler, provider);
        if (!keys.add(entry.key())) {
            fail(declared, "declared twice by the same provider; the first is served");
            return;
        }
        entries.add(entry);
    }

    /** A method token, upper-cased ({@code get} means GET). */
    static String method(String method) {
        if (method == null || method.isEmpty()) {
            throw new IllegalArgumentException("no method");
        }
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '_')) {
                throw new IllegalArgumentException("bad method '" + method + "' (letters, '-' and '_' only)");
            }
        }
        return method.toUpperCase(Locale.ROOT);
    }

    void fail(String declared, String reason) {
        failures.add(new RouteFailure(provider.serviceId(), provider.bundle(), declared, reason));
    }

    List<RouteEntry> entries() {
        return entries;
    }

    List<RouteFailure> failures() {
        return failures;
    }
}
