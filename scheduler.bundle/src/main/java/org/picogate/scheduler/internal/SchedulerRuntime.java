package org.picogate.scheduler.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.picogate.scheduler.Clock;

/**
 * The one scheduler core of the framework, configured by PID {@code org.picogate.scheduler}. Registered
 * under its own (private) class so that only this bundle's components can reach it.
 */
@Component(service = SchedulerRuntime.class, configurationPid = SchedulerConfig.PID)
@Designate(ocd = SchedulerConfig.class)
public final class SchedulerRuntime {
    private final SchedulerCore core = new SchedulerCore(Clock.system());

    @Activate
    public SchedulerRuntime(SchedulerConfig config) {
        apply(config);
    }

    @Modified
    void modified(SchedulerConfig config) {
        apply(config);
    }

    @Deactivate
    void deactivate() {
        core.close();
    }

    SchedulerCore core() {
        return core;
    }

    /** Applies a configuration, or logs which key is wrong and keeps the one in force. */
    private void apply(SchedulerConfig config) {
        String invalid = config.graceMillis() < 0 ? "graceMillis=" + config.graceMillis()
                : config.maxTasksPerBundle() < 0 ? "maxTasksPerBundle=" + config.maxTasksPerBundle() : null;
        if (invalid != null) {
            SchedulerCore.LOG.log(Level.ERROR, () -> SchedulerConfig.PID + ": rejected " + invalid
                    + " (must not be negative); keeping graceMillis=" + core.grace().toMillis()
                    + ", maxTasksPerBundle=" + core.maxTasksPerOwner());
            return;
        }
        core.configure(Duration.ofMillis(config.graceMillis()), config.maxTasksPerBundle());
    }
}
