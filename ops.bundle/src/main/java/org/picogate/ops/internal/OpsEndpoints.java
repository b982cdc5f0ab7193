package org.picogate.ops.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.picogate.config.ConfigCheck;
import org.picogate.http.Handler;
import org.picogate.http.runtime.HttpRuntime;
import org.picogate.http.whiteboard.HttpWhiteboard;
import org.picogate.ops.internal.health.HealthCheck;
import org.picogate.ops.internal.health.HealthHandler;
import org.picogate.ops.internal.metrics.MetricsHandler;
import org.picogate.scheduler.Scheduler;

/**
 * Serves {@code /metrics} and {@code /health} as whiteboard {@link Handler} services while PID
 * {@code org.picogate.ops} has them on, at its paths. The services are registered by hand rather than as DS
 * components so that a key can take a route away (404) or move it without restarting anything. A configuration
 * that cannot apply (a value of the wrong type, a path that is not a literal route path) is logged naming the PID
 * and the key, and the endpoints in force stay.
 */
@Component(immediate = true, service = {}, configurationPid = OpsConfig.PID)
@Designate(ocd = OpsConfig.class)
public final class OpsEndpoints {
    static final Logger LOG = System.getLogger("org.picogate.ops");

    private final BundleContext context;
    private final Handler metrics;
    private final Handler health;
    private final Endpoint metricsEndpoint = new Endpoint("metrics");
    private final Endpoint healthEndpoint = new Endpoint("health");

    @Activate
    public OpsEndpoints(BundleContext context, @Reference HttpRuntime http, @Reference Scheduler scheduler,
            @Reference ServiceComponentRuntime scr, OpsConfig config, Map<String, Object> properties) {
        this.context = context;
        this.metrics = new MetricsHandler(http, scheduler);
        this.health = new HealthHandler(new HealthCheck(context, scr));
        apply(config, properties);
    }

    @Modified
    void modified(OpsConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    @Deactivate
    void deactivate() {
        metricsEndpoint.set(null, null);
        healthEndpoint.set(null, null);
    }

    private void apply(OpsConfig config, Map<String, Object> properties) {
        ConfigCheck check = ConfigCheck.of(OpsConfig.class, config, properties);
        if (!check.unknownKeys().isEmpty()) {
            LOG.log(Level.WARNING, () -> OpsConfig.PID + ": ignored unknown key(s) "
                    + String.join(", ", check.unknownKeys())
                    + " (known: metricsEnabled, metricsPath, healthEnabled, healthPath)");
        }
        List<String> invalid = new ArrayList<>(check.invalidValues());
        if (check.valid()) {
            checkPath("metricsPath", config.metricsPath(), invalid);
            checkPath("healthPath", config.healthPath(), invalid);
            if (invalid.isEmpty() && config.metricsEnabled() && config.healthEnabled()
                    && config.metricsPath().strip().equals(config.healthPath().strip())) {
                invalid.add("healthPath=" + config.healthPath() + " (the same as metricsPath)");
            }
        }
        if (!invalid.isEmpty()) {
            LOG.log(Level.ERROR, () -> OpsConfig.PID + ": rejected " + String.join(", ", invalid)
                    + "; keeping the endpoints in force (" + metricsEndpoint + ", " + healthEndpoint + ")");
            return;
        }
        metricsEndpoint.set(config.metricsEnabled() ? config.metricsPath().strip() : null, metrics);
        healthEndpoint.set(config.healthEnabled() ? config.healthPath().strip() : null, health);
    }

    /**
     * A literal route path: starts with {@code /}, no parameters, no query or fragment, no blanks or control
     * characters (the whiteboard would reject the rest, but only in its log).
     */
    static void checkPath(String key, String path, List<String> invalid) {
        String p = path == null ? "" : path.strip();
        String why = null;
        if (!p.startsWith("/")) {
            why = "a path starts with /";
        } else if (p.contains("//")) {
            why = "an empty segment (//)";
        } else {
            for (int i = 0; i < p.length() && why == null; i++) {
                char c = p.charAt(i);
                if (c <= ' ' || c == 0x7f || c == '?' || c == '#' || c == '{' || c == '}') {
                    why = "'" + (c < ' ' ? "\\u" + String.format("%04x", (int) c) : String.valueOf(c))
                            + "' at index " + i + " (a literal path only)";
                }
            }
        }
        if (why != null) {
            invalid.add(key + "=" + path + " (" + why + ")");
        }
    }

    /** One endpoint's service registration, replaced when its path changes and removed when it is turned off. */
    private final class Endpoint {
        private final String name;
        private ServiceRegistration<Handler> registration;
        private String path;

        Endpoint(String name) {
            this.name = name;
        }

        /** Serves {@code handler} at {@code path}, or nothing if {@code path} is null. */
        synchronized void set(String newPath, Handler handler) {
            if (newPath != null && newPath.equals(path)) {
                return;
            }
            ServiceRegistration<Handler> old = registration;
            registration = null;
            path = null;
            if (newPath != null) { // the new path first: a moved endpoint is never missing from both
                Hashtable<String, Object> props = new Hashtable<>();
                props.put(HttpWhiteboard.ROUTE, newPath);
                props.put(HttpWhiteboard.METHODS, "GET");
                registration = context.registerService(Handler.class, handler, props);
                path = newPath;
            }
            if (old != null) {
                try {
                    old.unregister(); // the whiteboard lets requests on it finish first
                } catch (IllegalStateException alreadyGone) {
                    // the bundle is stopping: its services are gone already
                }
            }
        }

        @Override
        public synchronized String toString() {
            return name + (path == null ? " off" : " at " + path);
        }
    }
}
