package org.picogate.streams.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.picogate.scheduler.Scheduler;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.StreamServer;
import org.picogate.streams.StreamService;

/**
 * The {@link StreamService} of one bundle (bundle scope). It uses that bundle's own {@link Scheduler} (got
 * through the bundle's context), so every accept and connection task belongs to the bundle; when the bundle
 * stops, its servers and streams are closed here and its tasks are cancelled by its scheduler.
 *
 * <p>Its servers stop accepting as soon as the bundle starts stopping ({@link BundleEvent#STOPPING}, delivered to
 * synchronous listeners before the bundle's activator stops and before the framework releases the services the
 * bundle still holds). The framework releases those in an order of its own, so the bundle's scheduler may be
 * released, and cancel the bundle's tasks, while a server of the bundle is still open: the cancellation interrupts
 * the accept task, and an interrupt that meets {@code accept} as it takes a connection makes the JDK drop that
 * connection unclosed. Stopped first, no accept task is left to interrupt.
 */
@Component(service = StreamService.class, scope = ServiceScope.BUNDLE)
public final class BundleStreamService implements StreamService {
    private final StreamsRuntime runtime;
    private final BundleContext user;
    /** This (the streams) bundle's context, which holds the listener. */
    private final BundleContext streamsBundle;
    private final long ownerId;
    private final ServiceReference<Scheduler> schedulerRef;
    private final Scheduler scheduler;
    private final StreamFactory streams;
    private final Owner owner;
    private final Set<StreamServerImpl> servers = ConcurrentHashMap.newKeySet();
    private final Set<BufferedStream> clients = ConcurrentHashMap.newKeySet();
    private final SynchronousBundleListener ownerStopping = this::ownerChanged;

    @Activate
    public BundleStreamService(@Reference StreamsRuntime runtime,
            @Reference(service = Scheduler.class) ServiceReference<Scheduler> schedulerRef, ComponentContext context) {
        this.runtime = runtime;
        this.user = context.getUsingBundle().getBundleContext();
        this.schedulerRef = schedulerRef;
        this.scheduler = Objects.requireNonNull(user.getService(schedulerRef), "the Scheduler service went away");
        // live settings for every new stream, the configured server TLS for every new connection
        this.streams = new StreamFactory(scheduler, runtime::settings, runtime::configuredTls);
        this.ownerId = context.getUsingBundle().getBundleId();
        this.owner = new Owner(ownerId, String.valueOf(context.getUsingBundle().getSymbolicName()));
        this.streamsBundle = context.getBundleContext();
        streamsBundle.addBundleListener(ownerStopping);
    }

    private void ownerChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == ownerId) {
            for (StreamServerImpl s : servers) {
                s.stopAccepting();
            }
        }
    }

    @Override
    public Stream connect(String host, int port) throws IOException {
        return connect(host, port, runtime.defaultConnectOptions());
    }

    @Override
    public Stream connect(String host, int port, ConnectOptions options) throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(options, "options");
        BufferedStream[] self = new BufferedStream[1];
        BufferedStream stream = streams.connect(host, port, options, () -> disconnected(self[0]));
        self[0] = stream;
        clients.add(stream);
        runtime.connected(stream, owner);
        if (stream.state().isFinal()) { // ended before it was registered
            disconnected(stream);
        }
        return stream;
    }

    private void disconnected(BufferedStream stream) {
        if (stream != null) {
            clients.remove(stream);
            runtime.disconnected(stream);
        }
    }

    @Override
    public StreamServer listen(ListenOptions options, StreamHandler handler) throws IOException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(handler, "handler");
        StreamServerImpl server = streams.listen(options, handler, s -> {
            servers.remove(s);
            runtime.closed(s);
        });
        servers.add(server);
        runtime.opened(server, owner);
        return server;
    }

    @Deactivate
    void deactivate() {
        try {
            streamsBundle.removeBundleListener(ownerStopping);
        } catch (IllegalStateException streamsBundleStopped) {
            // the framework drops the listeners of a stopped bundle itself
        }
        for (StreamServerImpl s : servers) {
            s.close();
        }
        for (Stream s : clients) {
            s.abort();
        }
        try {
            user.ungetService(schedulerRef);
        } catch (IllegalStateException bundleGone) {
            // its context is invalid: the framework released the service already
        }
    }
}
