package org.picogate.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.picogate.http.Handler;
import org.picogate.http.internal.routing.Lookup;
import org.picogate.http.internal.routing.RouteProvider;
import org.picogate.http.internal.routing.Router;
import org.picogate.http.internal.routing.Routing;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.testing.TestScheduler;

/**
 * Cost of one route lookup (ns/op) in the router with {@code routes} routes, half exact
 * ({@code /api/v1/thing<i>}) and half with a parameter ({@code /api/v1/thing<i>/{id}}), the shape of a REST app.
 * The paths looked up are those of the last routes declared, so a linear scan would pay for every route before.
 * <ul>
 * <li>{@code exact}: a GET of an exact route;</li>
 * <li>{@code parameter}: a GET of a parameter route (the parameter map is built);</li>
 * <li>{@code notFound}: a path no route matches (the 404 path, trailing-slash check included);</li>
 * <li>{@code methodNotAllowed}: a POST to a GET route (the {@code Allow} list is built).</li>
 * <li>{@code regex}: in another router of {@code routes} regex routes {@code /dev<i>/reading/(?<n>\d+)}, the last
 * one's path (regex index: only the regexes under {@code dev<i>} are run; groups become parameters);</li>
 * <li>{@code regexUnindexed}: the same with {@code (?:/dev<i>)/reading/(?<n>\d+)}, regexes with no literal start,
 * which all stay in the index's root list and are scanned in order (what every regex cost before the index).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RouterBench {
    private static final Handler NOTHING = (request, response) -> { };

    @Param({ "10", "100", "1000" })
    public int routes;

    private TestScheduler scheduler;
    private Router router;
    private Router regexRouter;
    private Router unindexedRouter;
    private String regexPath;
    private String exactPath;
    private String parameterPath;
    private String missingPath;

    @Setup(Level.Trial)
    public void build() {
        scheduler = TestScheduler.start(Clock.system(), "bench");
        Routing routing = new Routing(scheduler, Duration.ofSeconds(2));
        int things = routes / 2;
        routing.addApp(new RouteProvider(1, 0, "bench"), "", r -> {
            for (int i = 0; i < things; i++) {
                r.get("/api/v1/thing" + i, NOTHING);
                r.get("/api/v1/thing" + i + "/{id}", NOTHING);
            }
        });
        router = routing.router();
        regexRouter = regexRouter("/dev%d/reading/(?<n>\\d+)");
        unindexedRouter = regexRouter("(?:/dev%d)/reading/(?<n>\\d+)");
        regexPath = "/dev" + (routes - 1) + "/reading/42";
        int last = things - 1;
        exactPath = "/api/v1/thing" + last;
        parameterPath = "/api/v1/thing" + last + "/42";
        missingPath = "/api/v1/other" + last;
    }

    private Router regexRouter(String format) {
        Routing routing = new Routing(scheduler, Duration.ofSeconds(2));
        routing.addApp(new RouteProvider(1, 0, "bench"), "", r -> {
            for (int i = 0; i < routes; i++) {
                r.regex("GET", String.format(format, i), NOTHING);
            }
        });
        return routing.router();
    }

    @TearDown(Level.Trial)
    public void stop() {
        scheduler.close();
    }

    @Benchmark
    public Lookup exact() {
        return router.lookup("GET", exactPath, 0);
    }

    @Benchmark
    public Lookup parameter() {
        return router.lookup("GET", parameterPath, 0);
    }

    @Benchmark
    public Lookup notFound() {
        return router.lookup("GET", missingPath, 0);
    }

    @Benchmark
    public Lookup methodNotAllowed() {
        return router.lookup("POST", exactPath, 0);
    }

    @Benchmark
    public Lookup regex() {
        return regexRouter.lookup("GET", regexPath, 0);
    }

    @Benchmark
    public Lookup regexUnindexed() {
        return unindexedRouter.lookup("GET", regexPath, 0);
    }
}
