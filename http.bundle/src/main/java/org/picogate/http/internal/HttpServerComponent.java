package org.picogate.http.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.LoggerFactory;
import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.Response;
import org.picogate.config.ConfigCheck;
import org.picogate.http.internal.routing.RouteWhiteboard;
import org.picogate.http.runtime.ConnectionDTO;
import org.picogate.http.runtime.HttpStats;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Timer;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.ServerStats;
import org.picogate.streams.StreamServer;
import org.picogate.streams.StreamService;

/**
 * The gateway's HTTP server, configured by PID {@code org.picogate.http}. It answers each request by its route
 * (the whiteboard, {@link RouteWhiteboard}), else by the static directory under its prefix (GET and HEAD), else by
 * the fallback {@link Handler} (a {@code Handler} service without route). Changes apply live: limits and files at
 * the next request; a new port or address opens the new listener first, then closes the old one gracefully.
 * Registered as a service of its own class (private) for {@link HttpRuntimeComponent}, which reports on it.
 */
@Component(immediate = true, service = HttpServerComponent.class, configurationPid = HttpConfig.PID)
@Designate(ocd = HttpConfig.class)
public final class HttpServerComponent {
    private final Scheduler scheduler;
    private final StreamService streams;
    private final FileResponder responder = new FileResponder(true);
    private final FileCache cache;
    /** Every request of every listener, so the counters survive a port change. */
    private final RequestMetrics metrics = new RequestMetrics();
    private volatile HttpLimits limits = HttpLimits.DEFAULTS;
    private volatile StaticFiles site;
    private volatile HttpConfig config;
    /** The access log while the {@code accessLog} key is on, else {@code null}; read at every request. */
    private volatile AccessLog accessLog;
    /** The Log service, which the access log writes to. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LoggerFactory loggers;
    private final AccessLogSink accessLogSink = new AccessLogSink(() -> loggers);
    /**
     * The listener in force; replaced by a port change, closed by {@link #deactivate()}; {@code null} while the
     * configured port cannot be opened.
     */
    private volatile Listener listener;
    /** Listeners that a port change replaced, while their task closes them: a stop closes them too. */
    private final Set<Listener> retiring = ConcurrentHashMap.newKeySet();
    /**
     * Guards the changes of {@link #listener} and {@link #relisten}, which come from Config Admin's thread, SCR's
     * and the re-listen's scheduler callbacks. Held only to bind or spawn, never to wait.
     */
    private final Object listening = new Object();
    /** The re-listen waiting for its port to be let go, or {@code null}. Guarded by {@link #listening}. */
    private Relisten relisten;

    /** A listening server, the HTTP protocol serving its connections, and the settings it was opened with. */
    private record Listener(StreamServer server, HttpServerCore core, Binding binding) {
        /**
         * Closes idle connections, lets busy ones answer within {@code grace}, then closes the rest. Safe to call
         * again, also while a call runs in another task.
         */
        void retire(Duration grace) {
            core.drain();
            server.closeGracefully(grace);
        }
    }

    /** The settings that need a new listening socket when they change. */
    private record Binding(int port, String host, int maxConnections, int backlog, boolean tls) {
        static Binding of(HttpConfig c) {
            return new Binding(c.port(), Objects.requireNonNullElse(c.host(), "").strip(), c.maxConnections(),
                    c.backlog(), c.tls());
        }

        /** Whether this listener's port is the one {@code other} wants (port 0 always gets a new one). */
        boolean holdsPortOf(Binding other) {
            return port != 0 && port == other.port() && host.equals(other.host());
        }
    }

    /**
     * The routes (whiteboard). Optional and dynamic: the server's life (its port, its connections) never follows
     * the whiteboard component's; without it, requests get the static files or 503.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RouteWhiteboard whiteboard;
    private final Handler dispatch = this::dispatch;
    private final Handler staticFiles = this::staticFiles;

    @Activate
    public HttpServerComponent(@Reference Scheduler scheduler, @Reference StreamService streams, HttpConfig config,
            Map<String, Object> properties) {
        this.scheduler = scheduler;
        this.streams = streams;
        this.cache = new FileCache(scheduler.clock(), FileCache.DEFAULT_MAX_TOTAL_BYTES,
                FileCache.DEFAULT_MAX_FILE_BYTES, FileCache.DEFAULT_VALID_MILLIS);
        if (!apply(config, properties)) {
            // a configuration that cannot apply must not fail the component: it would then ignore the one that
            // corrects it; the defaults are in force until then
            config = ConfigCheck.defaults(HttpConfig.class);
        }
        this.config = config;
        Binding wanted = Binding.of(config);
        try {
            this.listener = listen(wanted);
        } catch (IOException cannotListen) {
            // A taken port must not fail the component: it would then ignore the configuration that moves it (the
            // gateway starts on the default port before FileInstall delivers deploy/org.picogate.http.config).
            HttpConnection.LOG.log(Level.ERROR, () -> HttpConfig.PID + ": cannot listen on " + describe(wanted)
                    + "; not serving HTTP until the configuration changes", cannotListen);
        }
    }

    /**
     * Limits and files apply at the next request. A new port, address, connection limit or backlog opens the new
     * listener first (there is no moment without one), then retires the old one in a task of its own: its idle
     * keep-alive connections are closed at once, busy ones after their answer (requests that start from now on
     * are answered with {@code Connection: close}), and what is left after {@code shutdownGraceMillis} is cut.
     * If the new listener cannot open (the port is taken), the old one stays and the failure is logged; the next
     * change tries again. The same port with other listening settings is the exception ({@link #relisten}).
     * Called on Config Admin's one update thread: nothing here waits, or every other PID's update would wait too.
     */
    @Modified
    void modified(HttpConfig changed, Map<String, Object> properties) {
        if (!apply(changed, properties)) {
            return;
        }
        config = changed;
        Binding wanted = Binding.of(changed);
        Duration grace = Duration.ofMillis(changed.shutdownGraceMillis());
        synchronized (listening) {
            Binding waiting = null;
            if (relisten != null) {
                if (relisten.wanted.equals(wanted)) {
                    return; // on its way to this very binding: its tries go on
                }
                waiting = relisten.wanted;
                stopRelisten();
            }
            Listener old = listener;
            if (old != null && wanted.equals(old.binding())) {
                return;
            }
            try {
                listener = listen(wanted);
            } catch (IOException | RuntimeException cannotListen) {
                // the port is held by the listener in force, or by the one a re-listen waited to let go
                Binding holder = old != null ? old.binding() : waiting;
                if (holder != null && holder.holdsPortOf(wanted)) {
                    relisten(old, wanted, grace);
                    return;
                }
                HttpConnection.LOG.log(Level.ERROR, () -> HttpConfig.PID + ": cannot listen on " + describe(wanted)
                        + (old == null ? "; not serving HTTP" : "; still listening on " + describe(old.binding())),
                        cannotListen);
                return;
            }
            if (old != null) {
                retireLater(old, grace);
            }
        }
    }

    /** While the port is still taken, binding is tried again this often, for this long, on the scheduler's clock. */
    static final Duration RELISTEN_PAUSE = Duration.ofMillis(20);
    static final Duration RELISTEN_PATIENCE = Duration.ofSeconds(2);

    /** A binding that waits for its port, until its deadline on the scheduler's clock, and its next try. */
    private static final class Relisten {
        final Binding wanted;
        final long deadlineNanos;
        /** Guarded by the component's {@code listening}. */
        Timer next;

        Relisten(Binding wanted, long deadlineNanos) {
            this.wanted = wanted;
            this.deadlineNanos = deadlineNanos;
        }
    }

    /**
     * The same port with other listening settings ({@code tls}, {@code maxConnections}, {@code backlog}): the new
     * listener cannot bind while the old one holds the port, so the old one is retired first (it stops accepting
     * at once; its connections end as in a move) and the new one binds as soon as the port is free: tried again
     * every {@link #RELISTEN_PAUSE} in a scheduler callback, never by waiting on Config Admin's thread. New
     * connections are refused for that moment. If the port stays taken for {@link #RELISTEN_PATIENCE}, nothing
     * listens; the failure is logged and the next change tries again. {@code old} is {@code null} when the
     * listener to let go is already retiring (a change came while a re-listen waited). Holds {@link #listening}.
     */
    private void relisten(Listener old, Binding wanted, Duration grace) {
        listener = null;
        if (old != null) {
            retireLater(old, grace);
        }
        Relisten r = new Relisten(wanted, scheduler.clock().nanoTime() + RELISTEN_PATIENCE.toNanos());
        r.next = scheduler.callLater(RELISTEN_PAUSE, () -> tryRelisten(r));
        relisten = r;
    }

    /** One more try of {@code r}, unless a change or a stop has replaced it since. */
    private void tryRelisten(Relisten r) {
        synchronized (listening) {
            if (relisten != r) {
                return;
            }
            Exception failure;
            try {
                listener = listen(r.wanted);
                relisten = null;
                return;
            } catch (IOException | RuntimeException stillTaken) {
                failure = stillTaken;
            }
            if (scheduler.clock().nanoTime() - r.deadlineNanos < 0) {
                try {
                    r.next = scheduler.callLater(RELISTEN_PAUSE, () -> tryRelisten(r));
                    return;
                } catch (RuntimeException ownerStopping) {
                    failure.addSuppressed(ownerStopping);
                }
            }
            relisten = null;
            Exception last = failure;
            HttpConnection.LOG.log(Level.ERROR, () -> HttpConfig.PID + ": cannot listen on " + describe(r.wanted)
                    + "; not serving HTTP until the configuration changes", last);
        }
    }

    /** Ends the re-listen that waits, if one does. Holds {@link #listening}. */
    private void stopRelisten() {
        if (relisten != null) {
            relisten.next.cancel();
            relisten = null;
        }
    }

    /** Retires {@code old} in a task of its own (see {@link Listener#retire}). */
    private void retireLater(Listener old, Duration grace) {
        retiring.add(old);
        try {
            scheduler.spawn("close HTTP port " + old.server().port(), () -> {
                try {
                    old.retire(grace);
                } finally {
                    retiring.remove(old);
                }
            });
        } catch (RuntimeException ownerStopping) {
            retiring.remove(old);
            old.server().close();
            throw ownerStopping;
        }
    }

    /**
     * Stops accepting at once; connections waiting for their next request are closed, requests in flight may
     * finish within {@code shutdownGraceMillis} and their connections close after the answer; then every
     * connection left is cut. Listeners still closing after a port change get the same grace, counted from now.
     */
    @Deactivate
    void deactivate() {
        Duration grace = Duration.ofMillis(config.shutdownGraceMillis());
        long deadline = scheduler.clock().nanoTime() + grace.toNanos();
        List<Listener> all;
        synchronized (listening) {
            stopRelisten(); // no listener opens after this
            all = new ArrayList<>(retiring);
            if (listener != null) {
                all.add(0, listener);
            }
        }
        for (Listener l : all) {
            l.core().drain(); // all of them first: idle connections everywhere close at once
        }
        for (Listener l : all) {
            l.retire(Duration.ofNanos(Math.max(0, deadline - scheduler.clock().nanoTime())));
        }
    }

    /** The request counters of every listener. */
    RequestMetrics metrics() {
        return metrics;
    }

    /** The connections and bytes of the listener in force and of those still retiring. */
    HttpStats.Connections connections() {
        List<Listener> all = new ArrayList<>(retiring);
        Listener l = listener;
        if (l != null) {
            all.add(l);
        }
        int open = 0;
        long accepted = 0;
        long rejected = 0;
        long in = 0;
        long out = 0;
        for (Listener each : all) {
            ServerStats s = each.server().stats();
            open += s.open();
            accepted += s.accepted();
            rejected += s.rejected();
            in += s.bytesIn();
            out += s.bytesOut();
        }
        return new HttpStats.Connections(open, accepted, rejected, in, out);
    }

    /** The open connections of the listener in force and of those still retiring, oldest first. */
    List<ConnectionDTO> openConnections() {
        List<Listener> all = new ArrayList<>(retiring);
        Listener l = listener;
        if (l != null) {
            all.add(l);
        }
        List<ConnectionDTO> open = new ArrayList<>();
        for (Listener each : all) {
            open.addAll(each.core().describeConnections(each.server().port(), each.binding().tls()));
        }
        open.sort(OLDEST_FIRST);
        return open;
    }

    static final Comparator<ConnectionDTO> OLDEST_FIRST = Comparator.comparing(ConnectionDTO::age).reversed()
            .thenComparing(ConnectionDTO::remoteAddress);

    /** The static directory served, or {@code null}. */
    StaticFiles site() {
        return site;
    }

    /** The port it listens on (for tests and the console). */
    int port() {
        Listener l = listener;
        return l == null ? -1 : l.server().port();
    }

    private Listener listen(Binding b) throws IOException {
        HttpServerCore core = new HttpServerCore(scheduler, () -> limits, this::route, responder, () -> accessLog,
                metrics);
        ListenOptions options = ListenOptions.port(b.port()).withHost(b.host()).withBacklog(b.backlog())
                .withMaxConnections(b.maxConnections()).withName((b.tls() ? "https:" : "http:") + b.port());
        // HTTPS: the streams' configured server context; without one, listen says which key to set. The handshake
        // runs before HTTP reads, under the stream's read timeout: the header timeout (as at opening) bounds it, so
        // a client that connects and never says hello is cut like one that never ends its head
        StreamServer server = streams.listen(b.tls() ? options.withConfiguredTls()
                .withReadTimeout(limits.headerTimeout()) : options, core);
        return new Listener(server, core, b);
    }

    private static String describe(Binding b) {
        return (b.tls() ? "https://" : "") + (b.host().isEmpty() ? "*" : b.host()) + ":" + b.port();
    }

    /** What answers each request. */
    private Handler route() {
        return dispatch;
    }

    /**
     * The routes first (whiteboard {@code Handler} and {@code App} services); a path no route matches goes to the
     * static files (GET and HEAD under their prefix), then to the fallback {@code Handler} (one without route),
     * then 404.
     */
    private void dispatch(Request request, Response response) throws Exception {
        RouteWhiteboard routes = whiteboard;
        if (routes == null) { // only while the bundle starts or stops
            try {
                staticFiles(request, response);
            } catch (HttpException notFound) {
                response.header("Retry-After", "1");
                throw new HttpException(503, "starting or stopping");
            }
            return;
        }
        routes.routing().handle(request, response, staticFiles);
    }

    /** Serves the static file for the request, or throws 404 (the path is not under the prefix, or no file). */
    private void staticFiles(Request request, Response response) throws IOException {
        StaticFiles files = site;
        String path = request.path();
        if (files == null || !("GET".equals(request.method()) || "HEAD".equals(request.method()))) {
            throw new HttpException(404, "Not Found");
        }
        String prefix = files.prefix(); // ends with '/'
        boolean underPrefix = path.startsWith(prefix)
                || (path.length() == prefix.length() - 1 && prefix.startsWith(path));
        if (!underPrefix) {
            throw new HttpException(404, "Not Found");
        }
        if (request instanceof RequestImpl counted) {
            counted.matched(HttpStats.STATIC_DIR);
        }
        files.serve(((ResponseImpl) response).asFileReply(), path, request.rawQuery());
    }

    /**
     * Limits and static files from a configuration, checked whole first ({@link HttpConfigRules}): when a value
     * cannot apply, it is logged by key and nothing of the configuration applies, the port included.
     */
    private boolean apply(HttpConfig c, Map<String, Object> properties) {
        ConfigCheck check = ConfigCheck.of(HttpConfig.class, c, properties);
        if (!check.unknownKeys().isEmpty()) {
            HttpConnection.LOG.log(Level.WARNING, () -> HttpConfig.PID + ": ignored unknown key(s) "
                    + String.join(", ", check.unknownKeys()));
        }
        List<String> violations = HttpConfigRules.violations(c, check);
        if (!violations.isEmpty()) {
            HttpConnection.LOG.log(Level.ERROR, () -> HttpConfig.PID + ": rejected " + String.join(", ", violations)
                    + "; keeping the configuration in force");
            return false;
        }
        limits = new HttpLimits(c.maxRequestLine(), c.maxHeaderBytes(), c.maxHeaders(), c.maxBody(),
                Duration.ofMillis(c.headerTimeoutMillis()), Duration.ofMillis(c.idleTimeoutMillis()),
                c.maxRequestsPerConnection(), FormConfig.limits(c));
        String dir = Objects.requireNonNullElse(c.staticDir(), "").strip();
        site = dir.isEmpty() ? null : new StaticFiles(c.staticPrefix(), Path.of(dir).toAbsolutePath(), false,
                responder, cache);
        accessLog = c.accessLog() ? new AccessLog(accessLogSink, java.time.Clock.systemUTC()) : null;
        return true;
    }
}
