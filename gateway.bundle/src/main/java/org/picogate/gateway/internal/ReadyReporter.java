package org.picogate.gateway.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Timer;

/**
 * Prints one line to stdout once every bundle in the framework is up and every Declarative Services component is
 * ACTIVE or SATISFIED. Gogo's prompt shows before SCR has activated the components, so this line, not the prompt,
 * says the gateway is ready. The check is re-run on a timer from the scheduler until it passes (see
 * {@link ReadyCheck#recheckAfter}).
 */
@Component(immediate = true)
public final class ReadyReporter {

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Scheduler scheduler;
    private final AtomicBoolean done = new AtomicBoolean();
    private final long activated;
    private volatile Timer next;

    @Activate
    public ReadyReporter(BundleContext context, @Reference ServiceComponentRuntime scr,
            @Reference Scheduler scheduler) {
        this.context = context;
        this.scr = scr;
        this.scheduler = scheduler;
        activated = scheduler.clock().nanoTime();
        next = scheduler.callSoon(this::check);
    }

    @Deactivate
    void deactivate() {
        done.set(true);
        Timer timer = next;
        if (timer != null) {
            timer.cancel();
        }
    }

    private void check() {
        if (done.get()) {
            return;
        }
        Bundle[] bundles = context.getBundles();
        if (bundlesUp(bundles) && componentsUp() && done.compareAndSet(false, true)) {
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            System.out.println(ReadyCheck.readyLine(context.getBundle().getVersion(),
                    System.getProperty("java.version"), bundles.length, uptime));
        } else if (!done.get()) {
            Duration waited = Duration.ofNanos(scheduler.clock().nanoTime() - activated);
            next = scheduler.callLater(ReadyCheck.recheckAfter(waited), this::check);
        }
    }

    private static boolean bundlesUp(Bundle[] bundles) {
        for (Bundle bundle : bundles) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            String policy = bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
            boolean lazy = policy != null && policy.strip().startsWith(Constants.ACTIVATION_LAZY);
            if (!ReadyCheck.bundleUp(bundle.getState(), fragment, lazy)) {
                return false;
            }
        }
        return true;
    }

    private boolean componentsUp() {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (!ReadyCheck.componentUp(configuration.state)) {
                    return false;
                }
            }
        }
        return true;
    }
}
