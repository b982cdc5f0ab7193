package org.picogate.scheduler.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.picogate.config.ConfigCheck;
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
    public SchedulerRuntime(SchedulerConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    @Modified
    void modified(SchedulerConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    @Deactivate
    void deactivate() {
        core.close();
    }

    SchedulerCore core() {
        return core;
    }

    /**
     * Applies a configuration, or logs which key is wrong and keeps the one in force (the defaults, at the start):
     * a value of the wrong type must not fail the component, which every task of the gateway needs.
     */
    private void apply(SchedulerConfig config, Map<String, Object> properties) {
        ConfigCheck check = ConfigCheck.of(SchedulerConfig.class, config, properties);
        if (!check.unknownKeys().isEmpty()) {
            SchedulerCore.LOG.log(Level.WARNING, () -> SchedulerConfig.PID + ": ignored unknown key(s) "
                    + String.join(", ", check.unknownKeys()) + " (known: graceMillis, maxTasksPerBundle)");
        }
        String invalid = !check.valid() ? String.join(", ", check.invalidValues())
                : config.graceMillis() < 0 ? "graceMillis=" + config.graceMillis() + " (must not be negative)"
                : config.maxTasksPerBundle() < 0 ? "maxTasksPerBundle=" + config.maxTasksPerBundle()
                        + " (must not be negative)"
                : null;
        if (invalid != null) {
            SchedulerCore.LOG.log(Level.ERROR, () -> SchedulerConfig.PID + ": rejected " + invalid
                    + "; keeping graceMillis=" + core.grace().toMillis() + ", maxTasksPerBundle="
                    + core.maxTasksPerOwner());
            return;
        }
        core.configure(Duration.ofMillis(config.graceMillis()), config.maxTasksPerBundle());
    }
}
