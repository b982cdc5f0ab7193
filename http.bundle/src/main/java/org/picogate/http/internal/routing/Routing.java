package org.picogate.http.internal.routing;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.http.App;
import org.picogate.http.ErrorHandler;
import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.Response;
import org.picogate.http.internal.ErrorHandling;
import org.picogate.http.runtime.RouteDTO;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Scheduler;

/**
 * The live routes: providers come and go ({@link #add}, {@link #remove}), requests are dispatched
 * ({@link #handle}). Usable outside OSGi; the whiteboard component feeds it from services.
 *
 * <p>Each change builds a new {@link Router} and publishes it with a fresh "replaced" event, which is set when
 * the next one is published. A request reads the current router once, without a lock.
 *
 * <p><b>Error pages.</b> The {@link ErrorPages} handler that covers the request's path answers its errors
 * ({@code HttpException}s and 404s alike); an app that is an {@code ErrorHandler} too answers those of its own
 * routes, and is the error handler of the paths under its prefix.
 *
 * <p><b>Hot swap.</b> When the last provider of a route goes, the route stays as a vacancy for the swap grace: a
 * request for it waits on the router's "replaced" event (scheduler clock) and looks up again when a new router
 * appears, so a replacement registered within the grace serves it; at the end of the grace it gets 503 with
 * {@code Retry-After}; after the grace the route is gone (404, or what else matches). Removing a provider first
 * publishes the router without it, then waits, at most the grace, for the requests still running on it.
 */
public final class Routing {
    static final System.Logger LOG = System.getLogger("org.picogate.http.routing");

    /** The order of {@link #describe()}: by pattern, then first method, then service id. */
    public static final Comparator<RouteDTO> DTO_ORDER = Comparator.comparing(RouteDTO::pattern)
            .thenComparing((RouteDTO d) -> d.methods().isEmpty() ? "" : d.methods().get(0))
            .thenComparingLong(RouteDTO::serviceId);

    private final Scheduler scheduler;
    private final ReentrantLock lock = new ReentrantLock();
    private final RouteTable table = new RouteTable();
    private final ErrorPages errorPages = new ErrorPages();
    private volatile Snapshot current;
    private volatile Duration swapGrace;

    private record Snapshot(Router router, Event replaced) {
    }

    public Routing(Scheduler scheduler, Duration swapGrace) {
        this.scheduler = scheduler;
        this.swapGrace = swapGrace;
        this.current = new Snapshot(Router.EMPTY, scheduler.event());
    }

    public void swapGrace(Duration grace) {
        swapGrace = grace;
    }

    /** Serves the provider's routes (an {@code App}: it declares them into the {@code Routes} given). */
    public void addApp(RouteProvider provider, String prefix, App app) {
        RouteCollector routes;
        try {
            routes = new RouteCollector(provider, prefix);
        } catch (IllegalArgumentException badPrefix) {
            routes = new RouteCollector(provider, "");
            routes.fail("prefix " + prefix, badPrefix.getMessage());
            add(provider, routes);
            return;
        }
        try {
            app.routes(routes);
            if (app instanceof ErrorHandler own) {
                routes.entries().replaceAll(e -> new RouteEntry(e.method(), e.pattern(),
                        withErrorHandler(e.handler(), own), e.provider()));
                errorPages.add(provider, provider.serviceId(), provider.ranking(), prefix, own);
            }
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, () -> "app " + provider + " failed to declare its routes", failed);
            RouteCollector none = new RouteCollector(provider, "");
            none.fail("(all its routes)", "routes(Routes) threw " + failed);
            add(provider, none);
            return;
        }
        add(provider, routes);
    }

    /**
     * An app's route whose errors its own handler answers, whatever covers the path otherwise (a longer prefix of
     * another error handler included).
     */
    private static Handler withErrorHandler(Handler route, ErrorHandler own) {
        return (request, response) -> {
            if (response instanceof ErrorHandling errors) {
                errors.errorHandler(own);
            }
            route.handle(request, response);
        };
    }

    /** The error handlers by path prefix ({@code ErrorHandler} services). */
    public ErrorPages errorPages() {
        return errorPages;
    }

    /**
     * Serves a {@code Handler} service: at each of {@code paths} and {@code regexes} for each of {@code methods}
     * (GET if none); with neither paths nor regexes, as the fallback for paths no route matches.
     */
    public void addHandler(RouteProvider provider, Handler handler, List<String> paths, List<String> regexes,
            List<String> methods) {
        RouteCollector routes = new RouteCollector(provider, "");
        if (paths.isEmpty() && regexes.isEmpty()) {
            routes.fallback(handler);
        }
        List<String> all = methods.isEmpty() ? List.of("GET") : methods;
        for (String method : all) {
            paths.forEach(p -> routes.route(method, p, handler));
            regexes.forEach(r -> routes.regex(method, r, handler));
        }
        add(provider, routes);
    }

    private void add(RouteProvider provider, RouteCollector routes) {
        for (RouteFailure f : routes.failures()) {
            LOG.log(Level.ERROR, () -> "route " + f.route() + " of " + provider + " not served: " + f.reason());
        }
        lock.lock();
        try {
            table.add(provider, routes.entries(), routes.failures());
            publish();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops serving the provider's routes, then waits (at most the swap grace) for the requests running on it.
     *
     * @return whether they all finished
     */
    public boolean remove(RouteProvider provider) {
        Duration grace = swapGrace;
        errorPages.remove(provider);
        lock.lock();
        try {
            table.remove(provider, scheduler.clock().nanoTime() + grace.toNanos());
            publish();
        } finally {
            lock.unlock();
        }
        boolean drained = provider.close(scheduler.event(), grace);
        if (!drained) {
            LOG.log(Level.WARNING, () -> provider.inFlight() + " request(s) still running on " + provider
                    + " after the swap grace of " + grace.toMillis() + " ms; it goes anyway");
        }
        return drained;
    }

    /** Stops serving the provider's routes at once, without vacancies or drain: its service stays (an update). */
    public void forget(RouteProvider provider) {
        errorPages.remove(provider);
        lock.lock();
        try {
            table.remove(provider, scheduler.clock().nanoTime());
            publish();
        } finally {
            lock.unlock();
        }
    }

    private void publish() {
        Snapshot old = current;
        current = new Snapshot(table.router(scheduler.clock().nanoTime()), scheduler.event());
        old.replaced().set();
    }

    /** The router in force (for benchmarks and diagnostics). */
    public Router router() {
        return current.router();
    }

    /** Every declared route with its state, and the vacancies. */
    public List<RouteView> routes() {
        lock.lock();
        try {
            return table.views(scheduler.clock().nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /** Every route with its provider and state, vacancies and failures included (the {@code HttpRuntime} view). */
    public List<RouteDTO> describe() {
        lock.lock();
        try {
            return table.describe(scheduler.clock().nanoTime());
        } finally {
            lock.unlock();
        }
    }

    public List<RouteFailure> failures() {
        lock.lock();
        try {
            return table.failures();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Answers a request: its route; else {@code unrouted} (the static files; it throws 404 when it has nothing);
     * else the fallback; else 404.
     */
    public void handle(Request request, Response response, Handler unrouted) throws Exception {
        String method = request.method();
        String path = request.path();
        ErrorHandler pages = errorPages.select(path);
        if (pages != null && response instanceof ErrorHandling errors) {
            errors.errorHandler(pages);
        }
        for (;;) {
            Snapshot s = current;
            long now = scheduler.clock().nanoTime();
            Lookup lookup = s.router().lookup(method, path, now);
            if (lookup instanceof Lookup.NotFound) {
                try {
                    unrouted.handle(request, response);
                    return;
                } catch (HttpException notThere) {
                    if (notThere.status() != 404 || response.committed()) {
                        throw notThere;
                    }
                    lookup = s.router().fallback(now);
                    if (lookup instanceof Lookup.NotFound) {
                        throw notThere;
                    }
                }
            }
            switch (lookup) {
                case Lookup.Found found -> {
                    RouteProvider provider = found.route().provider();
                    if (!provider.enter()) {
                        continue; // removed since we read the router: the current one no longer has it
                    }
                    try {
                        if (request instanceof PathParameters params) {
                            params.pathParameters(found.params());
                            params.matched(found.route().label());
                        }
                        found.route().handler().handle(request, response);
                    } finally {
                        provider.exit();
                    }
                    return;
                }
                case Lookup.Wait wait -> {
                    long left = wait.deadline() - now;
                    if ((left > 0 && s.replaced().await(Duration.ofNanos(left))) || current != s) {
                        continue;
                    }
                    long seconds = Math.max(1, (swapGrace.toMillis() + 999) / 1000);
                    response.header("Retry-After", Long.toString(seconds));
                    throw new HttpException(503, "the handler of " + path + " is being replaced; try again");
                }
                case Lookup.NotAllowed notAllowed -> {
                    response.header("Allow", notAllowed.allow());
                    if ("OPTIONS".equals(method)) {
                        response.status(204).send(new byte[0]);
                        return;
                    }
                    throw new HttpException(405, "Method Not Allowed");
                }
                case Lookup.Redirect redirect -> {
                    redirect(request, response, redirect.path());
                    return;
                }
                case Lookup.NotFound none -> throw new HttpException(404, "Not Found");
            }
        }
    }

    /** 308 (method and body kept) to the path with the slash added or removed, the raw path and query kept. */
    private static void redirect(Request request, Response response, String decodedOther) throws Exception {
        String target = request.target();
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        boolean addSlash = decodedOther.endsWith("/");
        if (!addSlash && !rawPath.endsWith("/")) {
            throw new HttpException(404, "Not Found"); // the decoded slash was an escape (%2F): no plain redirect
        }
        String other = addSlash ? rawPath + "/" : rawPath.substring(0, rawPath.length() - 1);
        String location = q < 0 ? other : other + target.substring(q);
        response.status(308).header("Location", location);
        response.send(new byte[0]);
    }
}
