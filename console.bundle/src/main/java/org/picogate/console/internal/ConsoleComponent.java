package org.picogate.console.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.annotations.Designate;
import org.picogate.console.internal.bundles.BundleOperations;
import org.picogate.console.internal.config.MetatypeForms;
import org.picogate.console.internal.security.LoginThrottle;
import org.picogate.console.internal.security.Sessions;
import org.picogate.console.internal.status.RecentLog;
import org.picogate.console.internal.status.TaskCounts;
import org.picogate.console.internal.web.BundlePages;
import org.picogate.console.internal.web.ConfigPages;
import org.picogate.console.internal.web.ConsoleApp;
import org.picogate.console.internal.web.ConsoleSettings;
import org.picogate.console.internal.web.Guard;
import org.picogate.console.internal.web.HttpPages;
import org.picogate.console.internal.web.LoginPages;
import org.picogate.console.internal.web.Pages;
import org.picogate.console.internal.web.StaticFiles;
import org.picogate.console.internal.web.StatusPages;
import org.picogate.http.App;
import org.picogate.http.runtime.HttpRuntime;
import org.picogate.http.whiteboard.HttpWhiteboard;
import org.picogate.scheduler.Scheduler;
import org.picogate.streams.runtime.StreamServiceRuntime;

/**
 * The web console (PID {@code org.picogate.console}). It registers its {@link App} under {@code /console} only
 * while a usable password hash or token is configured: there is no default password, and without one there is no
 * console at all (404). A new configuration applies at once; a changed password hash or token ends every session.
 */
@Component(immediate = true, configurationPid = ConsoleConfig.PID, service = {})
@Designate(ocd = ConsoleConfig.class)
public final class ConsoleComponent {

    private static final int MAX_SESSIONS = 64;

    private final BundleContext context;
    private final Logger log;
    private final Sessions sessions;
    private final ConsoleApp app;
    private volatile ConsoleSettings settings;
    private ServiceRegistration<App> registration;

    /** The HTTP server's routes and counters; absent while the HTTP bundle starts or stops. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HttpRuntime httpRuntime;

    /** The stream servers and client streams; absent while the streams bundle starts or stops. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StreamServiceRuntime streamsRuntime;

    @Activate
    public ConsoleComponent(BundleContext context, ConsoleConfig config, Map<String, Object> properties,
            @Reference Scheduler scheduler, @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metatype, @Reference LogReaderService logReader,
            @Reference(service = LoggerFactory.class) Logger log) throws IOException {
        this.context = context;
        this.log = log;
        this.settings = ConsoleConfigGate.settings(config, properties, null, log::error, log::warn);
        SecureRandom random = new SecureRandom();
        this.sessions = new Sessions(scheduler.clock(), settings.sessionTimeout(), MAX_SESSIONS, random);
        LoginThrottle throttle = LoginThrottle.standard(scheduler.clock());
        Pages pages = new Pages();
        Guard guard = new Guard(() -> settings, sessions, throttle, log);
        this.app = new ConsoleApp(guard, new LoginPages(() -> settings, sessions, throttle, pages, log),
                new BundlePages(new BundleOperations(context, scheduler, log), pages,
                        () -> settings.maxUploadBytes()),
                new ConfigPages(new MetatypeForms(context, metatype, configAdmin), pages, log),
                new StatusPages(new TaskCounts(scheduler), new RecentLog(logReader), () -> settings.logEntries(),
                        pages),
                new HttpPages(() -> httpRuntime, () -> streamsRuntime, pages), new StaticFiles(), () -> settings.maxUploadBytes());
        apply(settings, null);
    }

    @Modified
    void modified(ConsoleConfig config, Map<String, Object> properties) {
        ConsoleSettings previous = settings;
        ConsoleSettings next = ConsoleConfigGate.settings(config, properties, previous, log::error, log::warn);
        if (next == previous) {
            return; // rejected: logged, the settings in force stay
        }
        settings = next;
        apply(next, previous);
    }

    @Deactivate
    void stop() {
        unregister();
        sessions.clear();
    }

    private synchronized void apply(ConsoleSettings next, ConsoleSettings previous) {
        sessions.timeout(next.sessionTimeout());
        if (previous != null && (!Objects.equals(previous.passwordHash(), next.passwordHash())
                || !Objects.equals(previous.token(), next.token()))) {
            sessions.clear(); // a new password ends the sessions the old one opened
        }
        if (next.enabled() && registration == null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(HttpWhiteboard.PREFIX, Guard.BASE);
            registration = context.registerService(App.class, app, props);
            log.info("console: on at {}/ ({})", Guard.BASE, next);
        } else if (!next.enabled()) {
            if (registration != null) {
                log.info("console: off (no usable passwordHash or token)");
            }
            unregister();
        }
    }

    private synchronized void unregister() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            registration = null;
        }
    }
}
