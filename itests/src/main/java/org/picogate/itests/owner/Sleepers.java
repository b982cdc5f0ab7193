package org.picogate.itests.owner;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.picogate.scheduler.Scheduler;

/**
 * A consumer bundle that leaves work behind: on activation it spawns {@value #TASKS} tasks that sleep for an hour
 * and schedules {@value #TIMERS} timers an hour out, and never cancels any of them. The scheduler must do that
 * when this bundle stops. As an {@link IntSupplier} service it tells how many of its tasks have started running.
 */
@Component(service = IntSupplier.class, property = "picogate.itest=sleepers", immediate = true)
public final class Sleepers implements IntSupplier {

    public static final int TASKS = 1000;
    public static final int TIMERS = 1000;
    static final Duration AN_HOUR = Duration.ofHours(1);

    private final AtomicInteger running = new AtomicInteger();

    @Activate
    public Sleepers(@Reference Scheduler scheduler) {
        for (int i = 0; i < TASKS; i++) {
            scheduler.spawn("sleeper-" + i, () -> {
                running.incrementAndGet();
                scheduler.sleep(AN_HOUR);
            });
        }
        for (int i = 0; i < TIMERS; i++) {
            scheduler.callLater(AN_HOUR, Sleepers::never);
        }
    }

    @Override
    public int getAsInt() {
        return running.get();
    }

    private static void never() {
        throw new AssertionError("an hour-long timer fired during a test");
    }
}
