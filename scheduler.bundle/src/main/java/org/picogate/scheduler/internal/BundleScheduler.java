package org.picogate.scheduler.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.picogate.scheduler.Scheduler;

/**
 * The {@link Scheduler} service, one instance per bundle that gets it (bundle scope). Its owner is the bundle's
 * symbolic name; when the bundle stops or ungets the service, DS deactivates this instance and everything the
 * bundle created is cancelled and joined.
 */
@Component(service = Scheduler.class, scope = ServiceScope.BUNDLE)
public final class BundleScheduler extends OwnedScheduler {

    @Activate
    public BundleScheduler(@Reference SchedulerRuntime runtime, ComponentContext context) {
        super(runtime.core(), context.getUsingBundle().getSymbolicName());
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
