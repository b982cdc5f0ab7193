package org.picogate.http.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.picogate.http.Handler;
import org.picogate.http.runtime.ConnectionDTO;
import org.picogate.scheduler.Scheduler;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;

/**
 * The HTTP protocol on top of any {@link Stream}: what a listening server runs for each connection. Limits and
 * the handler are read at every request, so configuration and handler changes apply to open connections too.
 * Usable outside OSGi (tests, benchmarks).
 */
public final class HttpServerCore implements StreamHandler {
    private final Scheduler scheduler;
    private final Supplier<HttpLimits> limits;
    private final Supplier<Handler> handler;
    private final FileResponder files;
    private final DateHeader date = new DateHeader();
    private final AtomicLong requestIds = new AtomicLong();
    private final ConnectionDrain drain = new ConnectionDrain();
    private final Supplier<AccessLog> accessLog;
    private final RequestMetrics metrics;

    /** A server without access log. */
    public HttpServerCore(Scheduler scheduler, Supplier<HttpLimits> limits, Supplier<Handler> handler,
            FileResponder files) {
        this(scheduler, limits, handler, files, () -> null);
    }

    /**
     * @param accessLog read at every request: the access log, or {@code null} while it is off
     */
    HttpServerCore(Scheduler scheduler, Supplier<HttpLimits> limits, Supplier<Handler> handler, FileResponder files,
            Supplier<AccessLog> accessLog) {
        this(scheduler, limits, handler, files, accessLog, new RequestMetrics());
    }

    /**
     * @param accessLog read at every request: the access log, or {@code null} while it is off
     * @param metrics counts every request; shared by the listeners of one server, so a port change keeps them
     */
    HttpServerCore(Scheduler scheduler, Supplier<HttpLimits> limits, Supplier<Handler> handler, FileResponder files,
            Supplier<AccessLog> accessLog, RequestMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.files = Objects.requireNonNull(files, "files");
        this.accessLog = Objects.requireNonNull(accessLog, "accessLog");
    }

    @Override
    public void handle(Stream stream) throws Exception {
        new ConnectionContext().run(() -> {
            new HttpConnection(stream, scheduler, limits, handler, date, files, requestIds, drain, accessLog,
                    metrics).serve();
            return null;
        });
    }

    /**
     * Retires the connections of this server before its listener closes gracefully: idle keep-alive connections
     * are closed now, busy ones after their current answer, and no request from now on is kept alive (see
     * {@link ConnectionDrain}).
     */
    public void drain() {
        drain.start();
    }

    /**
     * The HTTP connections open now, in no particular order.
     *
     * @param localPort the port its listener accepted them on
     * @param tls whether that listener serves HTTPS
     */
    List<ConnectionDTO> describeConnections(int localPort, boolean tls) {
        return drain.describe(scheduler.clock().nanoTime(), localPort, tls);
    }

    /** HTTP connections open now. */
    int connections() {
        return drain.size();
    }
}
