package org.picogate.gateway.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The exit status of the gateway jar. Its bnd launcher runs a {@code Callable<Integer>} service registered with
 * {@code main.thread=true} on the JVM's main thread and exits with what it returns; without one it exits with 117
 * ("framework stopped") after {@code stop 0}. This one returns 0 as soon as the framework starts to stop, so an
 * orderly shutdown ({@code stop 0} in Gogo, end of input, Ctrl-C or SIGTERM) exits with status 0. Ctrl-C and SIGTERM
 * stop the framework the way {@code stop 0} does (bundles stop in order); a second Ctrl-C during the shutdown
 * falls back to the JVM's default and ends the process at once.
 */
@Component(service = Callable.class, property = "main.thread=true")
public final class LauncherMain implements Callable<Integer> {

    private final CountDownLatch frameworkStopping = new CountDownLatch(1);
    private final AtomicBoolean called = new AtomicBoolean();
    private final Bundle framework;
    private final BundleContext frameworkContext;
    private final SynchronousBundleListener listener = this::bundleChanged;
    private final StopOnSignal signals;

    @Activate
    public LauncherMain(BundleContext context) {
        framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        // The system bundle's context outlives this bundle: a main thread already waiting in call() must still
        // learn when the framework stops even if this bundle was stopped or updated in between.
        frameworkContext = framework.getBundleContext();
        frameworkContext.addBundleListener(listener);
        signals = StopOnSignal.install(framework);
    }

    @Deactivate
    void deactivate() {
        signals.uninstall();
        if (!called.get()) {
            frameworkContext.removeBundleListener(listener);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        called.set(true);
        frameworkStopping.await();
        return 0;
    }

    private void bundleChanged(BundleEvent event) {
        if (event.getBundle().getBundleId() == 0 && event.getType() == BundleEvent.STOPPING) {
            frameworkStopping.countDown();
            frameworkContext.removeBundleListener(listener);
        }
    }
}
