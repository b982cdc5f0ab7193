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

    /** Applies a configuration, or logs why not and keeps the one in force. */
    private void apply(SchedulerConfig config) {
        try {
            core.configure(Duration.ofMillis(config.graceMillis()), config.maxTasksPerBundle());
        } catch (IllegalArgumentException invalid) {
            SchedulerCore.LOG.log(Level.ERROR, () -> SchedulerConfig.PID + ": configuration rejected ("
                    + invalid.getMessage() + "); keeping graceMillis=" + core.grace().toMillis()
                    + ", maxTasksPerBundle=" + core.maxTasksPerOwner());
        }
    }
}
