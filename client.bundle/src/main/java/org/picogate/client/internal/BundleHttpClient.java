package org.picogate.client.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.picogate.client.ClientSession;
import org.picogate.client.HttpClient;
import org.picogate.client.SessionOptions;
import org.picogate.scheduler.Scheduler;
import org.picogate.streams.StreamService;

/**
 * The {@link HttpClient} of one bundle (bundle scope). It uses that bundle's own {@link Scheduler} and
 * {@link StreamService} (got through the bundle's context), so connections, timers and tasks of its sessions
 * belong to the bundle; when the bundle stops, its sessions are closed here and the rest by those services.
 */
@Component(service = HttpClient.class, scope = ServiceScope.BUNDLE)
public final class BundleHttpClient implements HttpClient {
    private final ClientRuntime runtime;
    private final BundleContext user;
    private final ServiceReference<Scheduler> schedulerRef;
    private final ServiceReference<StreamService> streamsRef;
    private final Scheduler scheduler;
    private final StreamService streams;
    private final String owner;
    private final Set<SessionImpl> sessions = ConcurrentHashMap.newKeySet();

    @Activate
    public BundleHttpClient(@Reference ClientRuntime runtime,
            @Reference(service = Scheduler.class) ServiceReference<Scheduler> schedulerRef,
            @Reference(service = StreamService.class) ServiceReference<StreamService> streamsRef,
            ComponentContext context) {
        this.runtime = runtime;
        this.user = context.getUsingBundle().getBundleContext();
        this.schedulerRef = schedulerRef;
        this.streamsRef = streamsRef;
        this.scheduler = Objects.requireNonNull(user.getService(schedulerRef), "the Scheduler service went away");
        this.streams = Objects.requireNonNull(user.getService(streamsRef), "the StreamService went away");
        this.owner = context.getUsingBundle().getSymbolicName();
    }

    @Override
    public ClientSession session(SessionOptions options) {
        SessionImpl[] self = new SessionImpl[1];
        SessionImpl session = new SessionImpl(options, scheduler, streams, () -> {
            sessions.remove(self[0]);
            runtime.closed(self[0]);
        });
        self[0] = session;
        sessions.add(session);
        runtime.opened(session, owner);
        return session;
    }

    @Override
    public ClientSession session() {
        return session(defaults());
    }

    @Override
    public SessionOptions defaults() {
        return runtime.defaults();
    }

    @Deactivate
    void deactivate() {
        for (SessionImpl s : sessions) {
            s.close();
        }
        for (ServiceReference<?> ref : new ServiceReference<?>[] { streamsRef, schedulerRef }) {
            try {
                user.ungetService(ref);
            } catch (IllegalStateException bundleGone) {
                // its context is invalid: the framework released the service already
            }
        }
    }
}
