package org.picogate.http.internal.routing;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.picogate.config.ConfigCheck;
import org.picogate.http.App;
import org.picogate.http.ErrorHandler;
import org.picogate.http.Handler;
import org.picogate.http.internal.HttpConfig;
import org.picogate.http.internal.HttpConfigRules;
import org.picogate.http.whiteboard.HttpWhiteboard;
import org.picogate.scheduler.Scheduler;

/**
 * The whiteboard: every {@link Handler} and {@link App} service, tracked by DS (multiple, dynamic, greedy), is
 * served by the {@link Routing} from the moment it is bound until it is unbound. The unbind of a service that
 * goes runs while the service is unregistering, before its component is deactivated: it returns only once the
 * requests running on it have finished (bounded by {@code swapGraceMillis}), so a handler is never deactivated
 * under a request. {@code ErrorHandler} services answer the errors of the paths under their prefix.
 */
@Component(service = RouteWhiteboard.class, configurationPid = HttpConfig.PID)
public final class RouteWhiteboard {
    private final Routing routing;
    private final Map<Long, RouteProvider> providers = new ConcurrentHashMap<>();

    @Activate
    public RouteWhiteboard(@Reference Scheduler scheduler, HttpConfig config, Map<String, Object> properties) {
        this.routing = new Routing(scheduler, grace(config, properties)
                .orElse(Duration.ofMillis(ConfigCheck.defaults(HttpConfig.class).swapGraceMillis())));
    }

    @Modified
    void modified(HttpConfig config, Map<String, Object> properties) {
        grace(config, properties).ifPresent(routing::swapGrace);
    }

    /**
     * The swap grace of a configuration the server applies; empty for one it rejects (the server logs why), whose
     * grace does not apply either: reading a value of the wrong type would fail this component, and every route.
     */
    static Optional<Duration> grace(HttpConfig config, Map<String, Object> properties) {
        return HttpConfigRules.violations(config, ConfigCheck.of(HttpConfig.class, config, properties)).isEmpty()
                ? Optional.of(Duration.ofMillis(config.swapGraceMillis())) : Optional.empty();
    }

    public Routing routing() {
        return routing;
    }

    @Reference(service = Handler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeHandler", updated = "updateHandler")
    void addHandler(Handler handler, ServiceReference<Handler> ref) {
        RouteProvider provider = provider(ref);
        routing.addHandler(provider, handler, strings(ref.getProperty(HttpWhiteboard.ROUTE), false),
                strings(ref.getProperty(HttpWhiteboard.REGEX), false),
                strings(ref.getProperty(HttpWhiteboard.METHODS), true));
        providers.put(provider.serviceId(), provider);
    }

    void updateHandler(Handler handler, ServiceReference<Handler> ref) {
        RouteProvider old = providers.get(id(ref));
        addHandler(handler, ref); // the new routes first: a route both have is never vacant
        if (old != null) {
            routing.forget(old);
        }
    }

    void removeHandler(Handler handler, ServiceReference<Handler> ref) {
        remove(ref);
    }

    @Reference(service = App.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeApp", updated = "updateApp")
    void addApp(App app, ServiceReference<App> ref) {
        RouteProvider provider = provider(ref);
        Object prefix = ref.getProperty(HttpWhiteboard.PREFIX);
        routing.addApp(provider, prefix == null ? "" : prefix.toString(), app);
        providers.put(provider.serviceId(), provider);
    }

    void updateApp(App app, ServiceReference<App> ref) {
        RouteProvider old = providers.get(id(ref));
        addApp(app, ref);
        if (old != null) {
            routing.forget(old);
        }
    }

    void removeApp(App app, ServiceReference<App> ref) {
        remove(ref);
    }

    /**
     * An {@code ErrorHandler} service answers the errors of the requests under its {@value HttpWhiteboard#PREFIX}
     * (all of them without one): see {@link ErrorPages}. A bad prefix is logged and the handler not used.
     */
    @Reference(service = ErrorHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeErrorHandler", updated = "addErrorHandler")
    void addErrorHandler(ErrorHandler handler, ServiceReference<ErrorHandler> ref) {
        Object prefix = ref.getProperty(HttpWhiteboard.PREFIX);
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        try {
            routing.errorPages().add(id(ref), id(ref), ranking instanceof Integer r ? r : 0,
                    prefix == null ? null : prefix.toString(), handler);
        } catch (IllegalArgumentException badPrefix) {
            routing.errorPages().remove(id(ref)); // an update to a bad prefix: the old one no longer applies
            Routing.LOG.log(Level.ERROR, () -> "error handler service " + id(ref) + " not used: "
                    + badPrefix.getMessage());
        }
    }

    void removeErrorHandler(ErrorHandler handler, ServiceReference<ErrorHandler> ref) {
        routing.errorPages().remove(id(ref));
    }

    private void remove(ServiceReference<?> ref) {
        RouteProvider provider = providers.remove(id(ref));
        if (provider != null) {
            routing.remove(provider);
        }
    }

    private static long id(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }

    private static RouteProvider provider(ServiceReference<?> ref) {
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        Bundle bundle = ref.getBundle();
        return bundle == null ? new RouteProvider(id(ref), ranking instanceof Integer r ? r : 0, "?")
                : new RouteProvider(id(ref), ranking instanceof Integer r ? r : 0, bundle.getSymbolicName(),
                        bundle.getBundleId());
    }

    /**
     * A property as a list of strings: a {@code String}, an array or a collection; with {@code split}, each value
     * is also split at commas ({@code "GET,POST"}). Blank values are dropped. Routes are never split: a comma
     * can be part of a regex.
     */
    static List<String> strings(Object value, boolean split) {
        List<String> all = new ArrayList<>();
        Collection<?> values = switch (value) {
            case null -> List.of();
            case Object[] array -> List.of(array);
            case Collection<?> c -> c;
            default -> List.of(value);
        };
        for (Object v : values) {
            for (String s : split ? v.toString().split(",") : new String[] { v.toString() }) {
                if (!s.isBlank()) {
                    all.add(s.strip());
                }
            }
        }
        return all;
    }
}
