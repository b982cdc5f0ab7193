package org.picogate.logging.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Timer;

/**
 * Keeps the levels in force. Felix Log applies the {@code org.osgi.service.log.admin} configurations itself; this
 * component
 * <ul>
 * <li>gives the root logger context the gateway's {@link LogLevels#DEFAULTS} while no {@code org.osgi.service.log.admin}
 * configuration exists (at start, and again when it is deleted: Felix Log then empties the root context, which
 * would fall back to its own default, WARN);</li>
 * <li>routes java.util.logging into the OSGi log ({@link JulBridge} replaces the root logger's console handler),
 * with the root JUL level at the most verbose level any configuration asks for, so a {@code System.Logger}
 * DEBUG line is even created only when some bundle's level is DEBUG; the OSGi level of its bundle then decides.</li>
 * </ul>
 * Both are undone when the bundle stops.
 */
@Component(immediate = true, service = ConfigurationListener.class)
public final class LogSetup implements ConfigurationListener {

    /** Felix Log's own default level when no level is configured (framework property of OSGi R7, 101.8.2). */
    static final String DEFAULT_LEVEL_PROPERTY = "org.osgi.service.log.admin.loglevel";
    /** After a deletion, Felix Log's own listener may run after this one; then the defaults are set once more. */
    private static final Duration AFTER_FELIX = Duration.ofMillis(200);

    private final Logger julRoot = Logger.getLogger(""); // held: java.util.logging keeps loggers weakly
    private final BundleContext context;
    private final ConfigurationAdmin configurations;
    private final LoggerAdmin loggers;
    private final Scheduler scheduler;
    private final JulBridge bridge;
    private final Handler[] replaced;
    private final Level julLevelBefore;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean defaultsSet;
    private Timer again;

    @Activate
    public LogSetup(BundleContext context, @Reference ConfigurationAdmin configurations,
            @Reference LoggerAdmin loggers, @Reference Scheduler scheduler) {
        this.context = context;
        this.configurations = configurations;
        this.loggers = loggers;
        this.scheduler = scheduler;
        bridge = new JulBridge(context);
        julLevelBefore = julRoot.getLevel();
        replaced = julRoot.getHandlers();
        for (Handler handler : replaced) {
            julRoot.removeHandler(handler);
        }
        julRoot.addHandler(bridge);
        apply();
    }

    @Deactivate
    void deactivate() {
        lock.lock();
        try {
            if (again != null) {
                again.cancel();
            }
            julRoot.removeHandler(bridge);
            for (Handler handler : replaced) {
                julRoot.addHandler(handler);
            }
            julRoot.setLevel(julLevelBefore);
            if (defaultsSet) {
                loggers.getLoggerContext(null).clear();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (!pid.equals(LogLevels.ROOT_PID) && !pid.startsWith(LogLevels.BUNDLE_PID_PREFIX)) {
            return;
        }
        apply();
        if (event.getType() == ConfigurationEvent.CM_DELETED && pid.equals(LogLevels.ROOT_PID)) {
            lock.lock();
            try {
                again = scheduler.callLater(AFTER_FELIX, this::apply);
            } finally {
                lock.unlock();
            }
        }
    }

    private void apply() {
        lock.lock();
        try {
            List<Dictionary<String, Object>> levels = levelConfigurations();
            boolean rootConfigured = levels.stream().anyMatch(d -> LogLevels.ROOT_PID.equals(d.get("service.pid")));
            if (!rootConfigured) {
                LoggerContext root = loggers.getLoggerContext(null);
                if (!root.getLogLevels().equals(LogLevels.DEFAULTS)) {
                    root.setLogLevels(LogLevels.DEFAULTS);
                }
                defaultsSet = true;
            } else {
                defaultsSet = false;
            }
            julRoot.setLevel(LogLevels.toJul(mostVerbose(levels, rootConfigured)));
        } finally {
            lock.unlock();
        }
    }

    /** The most verbose level of the framework's default, the gateway's defaults (if in force) and every configuration. */
    private LogLevel mostVerbose(List<Dictionary<String, Object>> levels, boolean rootConfigured) {
        LogLevel verbose = LogLevels.parse(context.getProperty(DEFAULT_LEVEL_PROPERTY)).orElse(LogLevel.WARN);
        if (!rootConfigured) {
            verbose = LogLevels.mostVerbose(verbose, LogLevels.DEFAULTS.values());
        }
        for (Dictionary<String, Object> properties : levels) {
            verbose = LogLevels.mostVerbose(verbose, Collections.list(properties.elements()));
        }
        return verbose;
    }

    private List<Dictionary<String, Object>> levelConfigurations() {
        try {
            Configuration[] found = configurations
                    .listConfigurations("(service.pid=" + LogLevels.ROOT_PID + "*)");
            return found == null ? List.of()
                    : Arrays.stream(found).map(Configuration::getProperties).filter(Objects::nonNull).toList();
        } catch (IOException | InvalidSyntaxException e) {
            return List.of();
        }
    }
}
