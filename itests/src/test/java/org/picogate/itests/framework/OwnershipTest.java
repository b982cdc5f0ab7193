package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.SchedulerStats.OwnerStats;

/**
 * A bundle that stops leaves nothing behind in the scheduler. The owner bundle (the main artifact of this module,
 * embedded here as owner.jar) spawns 1000 tasks that sleep an hour and 1000 timers an hour out, and never cancels
 * them.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class OwnershipTest {

    static final String OWNER = "org.picogate.itests.owner";
    static final int TASKS = 1000;
    static final int TIMERS = 1000;
    static final Duration WAIT = Duration.ofSeconds(20);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    Scheduler scheduler;

    @Test
    void stoppingABundleCancelsEveryTaskAndTimerItOwnsAndItRunsAgainAfterARestart() throws Exception {
        Bundle owner = install();
        try {
            owner.start();
            assertOwnerIsBusy();

            owner.stop();
            assertOwnerLeftNothing();

            owner.start();
            assertOwnerIsBusy();
        } finally {
            owner.uninstall();
        }
        assertOwnerLeftNothing();
    }

    /** Checked as soon as Bundle.stop() returns: the scheduler cancels and joins the owner's work before that. */
    private void assertOwnerLeftNothing() {
        OwnerStats stats = scheduler.stats().owner(OWNER);
        assertThat(stats.liveTasks()).as("live tasks left by %s", OWNER).isZero();
        assertThat(stats.pendingTimers()).as("pending timers left by %s", OWNER).isZero();
    }

    private Bundle install() throws Exception {
        try (InputStream jar = getClass().getResourceAsStream("/owner.jar")) {
            assertThat(jar).as("owner.jar in the tests bundle").isNotNull();
            Bundle bundle = context.installBundle("picogate-itests:owner.jar", jar);
            assertThat(bundle.getSymbolicName()).isEqualTo(OWNER);
            return bundle;
        }
    }

    /** Every one of the owner's tasks is running (asleep) and all its timers are pending. */
    private void assertOwnerIsBusy() throws Exception {
        IntSupplier running = sleepers();
        Await.until(WAIT, () -> running.getAsInt() + " of " + TASKS + " tasks started", () -> running.getAsInt() == TASKS);
        OwnerStats stats = scheduler.stats().owner(OWNER);
        assertThat(stats.liveTasks()).as("live tasks").isEqualTo(TASKS);
        assertThat(stats.pendingTimers()).as("pending timers").isEqualTo(TIMERS);
    }

    private IntSupplier sleepers() throws Exception {
        ServiceTracker<IntSupplier, IntSupplier> tracker = new ServiceTracker<>(context,
                FrameworkUtil.createFilter("(&(objectClass=java.util.function.IntSupplier)(picogate.itest=sleepers))"),
                null);
        tracker.open();
        try {
            IntSupplier service = tracker.waitForService(WAIT.toMillis());
            assertThat(service).as("the owner's Sleepers component").isNotNull();
            return service;
        } finally {
            tracker.close();
        }
    }
}
