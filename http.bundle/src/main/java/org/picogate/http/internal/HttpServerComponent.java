package org.picogate.http.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.scheduler.Scheduler;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.StreamServer;
import org.picogate.streams.StreamService;

/**
 * The gateway's HTTP server, configured by PID {@code org.picogate.http}. It serves the static directory under its
 * prefix (GET and HEAD), and hands every other request to the highest-ranked {@link Handler} service, if any
 * (routing and the whiteboard come on top of this in the framework part). Changes apply live: limits and files at
 * the next request; a new port or address opens the new listener first, then closes the old one gracefully.
 */
@Component(immediate = true, service = {}, configurationPid = HttpConfig.PID)
@Designate(ocd = HttpConfig.class)
public final class HttpServerComponent {
    private final Scheduler scheduler;
    private final StreamService streams;
    private final FileResponder responder = new FileResponder(true);
    private final FileCache cache;
    private volatile HttpLimits limits = HttpLimits.DEFAULTS;
    private volatile StaticFiles site;
    private volatile HttpConfig config;
    private volatile StreamServer server;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Handler application;

    @Activate
    public HttpServerComponent(@Reference Scheduler scheduler, @Reference StreamService streams, HttpConfig config)
            throws IOException {
        this.scheduler = scheduler;
        this.streams = streams;
        this.cache = new FileCache(scheduler.clock(), FileCache.DEFAULT_MAX_TOTAL_BYTES,
                FileCache.DEFAULT_MAX_FILE_BYTES, FileCache.DEFAULT_VALID_MILLIS);
        apply(config);
        this.config = config;
        this.server = listen(config);
    }

    @Modified
    void modified(HttpConfig changed) throws IOException {
        HttpConfig previous = config;
        apply(changed);
        config = changed;
        if (changed.port() != previous.port() || !changed.host().equals(previous.host())
                || changed.maxConnections() != previous.maxConnections() || changed.backlog() != previous.backlog()) {
            StreamServer old = server;
            server = listen(changed); // the new one first: no moment without a listener
            scheduler.spawn("close HTTP port " + old.port(),
                    () -> old.closeGracefully(Duration.ofMillis(previous.shutdownGraceMillis())));
        }
    }

    @Deactivate
    void deactivate() {
        StreamServer s = server;
        if (s != null) {
            s.closeGracefully(Duration.ofMillis(config.shutdownGraceMillis()));
        }
    }

    /** The port it listens on (for tests and the console). */
    int port() {
        return server.port();
    }

    private StreamServer listen(HttpConfig c) throws IOException {
        HttpServerCore core = new HttpServerCore(scheduler, () -> limits, this::route, responder);
        return streams.listen(ListenOptions.port(c.port()).withHost(c.host()).withBacklog(c.backlog())
                .withMaxConnections(c.maxConnections()).withName("http:" + c.port()), core);
    }

    /** Static files first (when the path is under their prefix), then the application handler. */
    private Handler route() {
        StaticFiles files = site;
        Handler app = application;
        if (files == null) {
            return app != null ? app : HttpServerComponent::notFound;
        }
        return (request, response) -> {
            String path = request.path();
            String prefix = files.prefix(); // ends with '/'
            boolean underPrefix = path.startsWith(prefix)
                    || (path.length() == prefix.length() - 1 && prefix.startsWith(path));
            boolean readsFile = "GET".equals(request.method()) || "HEAD".equals(request.method());
            if (underPrefix && (readsFile || app == null)) {
                try {
                    files.serve(((ResponseImpl) response).asFileReply(), request.path(), request.rawQuery());
                    return;
                } catch (HttpException notThere) {
                    if (app == null || notThere.status() != 404) {
                        throw notThere;
                    }
                }
            }
            Handler fallback = app != null ? app : HttpServerComponent::notFound;
            fallback.handle(request, response);
        };
    }

    private static void notFound(org.picogate.http.Request request, org.picogate.http.Response response) {
        throw new HttpException(404, "Not Found");
    }

    /** Limits and static files from a configuration; a value that cannot apply is logged and the old kept. */
    private void apply(HttpConfig c) {
        try {
            limits = new HttpLimits(positive(c.maxRequestLine(), "maxRequestLine"),
                    positive(c.maxHeaderBytes(), "maxHeaderBytes"), positive(c.maxHeaders(), "maxHeaders"),
                    notNegative(c.maxBody(), "maxBody"),
                    Duration.ofMillis(positive(c.headerTimeoutMillis(), "headerTimeoutMillis")),
                    Duration.ofMillis(positive(c.idleTimeoutMillis(), "idleTimeoutMillis")),
                    positive(c.maxRequestsPerConnection(), "maxRequestsPerConnection"));
            String dir = Objects.requireNonNullElse(c.staticDir(), "").strip();
            site = dir.isEmpty() ? null : new StaticFiles(c.staticPrefix(), Path.of(dir).toAbsolutePath(), false,
                    responder, cache);
        } catch (IllegalArgumentException invalid) {
            HttpConnection.LOG.log(Level.ERROR, () -> HttpConfig.PID + ": rejected " + invalid.getMessage()
                    + "; keeping the configuration in force");
        }
    }

    private static long positive(long value, String key) {
        if (value < 1) {
            throw new IllegalArgumentException(key + "=" + value + " (must be at least 1)");
        }
        return value;
    }

    private static int positive(int value, String key) {
        return (int) positive((long) value, key);
    }

    private static long notNegative(long value, String key) {
        if (value < 0) {
            throw new IllegalArgumentException(key + "=" + value + " (must not be negative)");
        }
        return value;
    }
}
