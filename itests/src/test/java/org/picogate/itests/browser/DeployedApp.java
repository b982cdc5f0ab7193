package org.picogate.itests.browser;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.picogate.http.Handler;
import org.picogate.http.whiteboard.HttpWhiteboard;
import org.picogate.scheduler.Scheduler;

/**
 * The activator of the app bundle {@link DeployWorkflowIT} builds and copies into the gateway's {@code deploy/}
 * (see {@link AppBundles}): it answers the body its manifest names at {@link #ROUTE}, and spawns a task that
 * sleeps for an hour, named after the bundle's version. That task must end when the bundle is updated or removed:
 * the bundle's scheduler (a bundle-scoped service) cancels it once the framework releases the service.
 */
public final class DeployedApp implements BundleActivator {
    static final String ROUTE = "/deployed";
    static final String BODY_HEADER = "X-Picogate-Body";
    static final String SLEEPER = "deployed sleeper ";

    private ServiceRegistration<Handler> registration;

    @Override
    public void start(BundleContext context) {
        ServiceReference<Scheduler> reference = context.getServiceReference(Scheduler.class);
        if (reference == null) {
            throw new IllegalStateException("no Scheduler service in the gateway");
        }
        Scheduler scheduler = context.getService(reference); // this bundle's own: released when it stops
        scheduler.spawn(SLEEPER + context.getBundle().getVersion(), () -> scheduler.sleep(Duration.ofHours(1)));
        byte[] body = context.getBundle().getHeaders().get(BODY_HEADER).getBytes(StandardCharsets.UTF_8);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboard.ROUTE, ROUTE);
        registration = context.registerService(Handler.class, (request, response) -> response.send(body), props);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }
}
