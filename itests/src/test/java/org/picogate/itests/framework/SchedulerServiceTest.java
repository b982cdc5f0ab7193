package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Task;

/** The Scheduler service as a consumer bundle sees it in a real framework. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class SchedulerServiceTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    Scheduler scheduler;

    @Test
    void spawnedTaskRunsAndJoinsWithItsResult() throws Exception {
        Task<String> task = scheduler.spawn("greeter", () -> "hello from a virtual thread: " + Thread.currentThread().isVirtual());

        assertThat(task.join(WAIT)).isEqualTo("hello from a virtual thread: true");
        assertThat(task.state()).isEqualTo(Task.State.SUCCEEDED);
        assertThat(task.name()).isEqualTo("greeter");
    }

    @Test
    void tasksAreOwnedByTheBundleThatSpawnedThem() throws Exception {
        Task<Void> task = scheduler.spawn("owned", () -> { });
        task.join(WAIT);

        assertThat(task.owner()).isEqualTo(context.getBundle().getSymbolicName());
    }

    @Test
    void timerFiresOnTheSchedulerClock() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);

        scheduler.callLater(Duration.ofMillis(10), fired::countDown);

        assertThat(fired.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("timer fired").isTrue();
    }
}
