package org.picogate.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.SchedulerStats.OwnerStats;
import org.picogate.scheduler.Task;

/** Open-box test of ownership: owners sharing one core, as bundles share the runtime. */
class OwnershipTest {
    private final SchedulerCore core = new SchedulerCore(Clock.system());

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void closingAnOwnerCancelsItsTasksAndTimersOnly() throws Exception {
        OwnedScheduler app = new OwnedScheduler(core, "app");
        OwnedScheduler other = new OwnedScheduler(core, "other");
        AtomicInteger fired = new AtomicInteger();
        for (int i = 0; i < 1000; i++) {
            app.spawn("sleeper" + i, () -> app.sleep(Duration.ofHours(1)));
            app.callLater(Duration.ofHours(1), fired::incrementAndGet);
        }
        Task<String> survivor = other.spawn("survivor", () -> {
            other.sleep(Duration.ofMillis(50));
            return "alive";
        });
        assertEquals(new OwnerStats(1000, 1000, 1000), core.stats().owner("app"));

        app.close();

        assertEquals(OwnerStats.NONE, core.stats().owner("app"));
        assertEquals("alive", survivor.join());
        assertEquals(0, fired.get());
        assertEquals(0, core.stats().pendingTimers());
        assertThrows(RejectedExecutionException.class, () -> app.spawn("late", () -> { }));
    }

    @Test
    void stragglerIgnoringCancellationIsWaitedForOnlyUpToTheGraceTime() throws Exception {
        core.configure(Duration.ofMillis(100), 0);
        OwnedScheduler app = new OwnedScheduler(core, "stubborn-app");
        List<String> log = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        app.spawn("stubborn", () -> {
            started.countDown();
            while (true) {
                try {
                    release.await(); // JDK wait: not ours, the interrupt is swallowed below
                    log.add("released");
                    return;
                } catch (InterruptedException ignored) {
                    log.add("ignored a cancel");
                }
            }
        });
        started.await();
        app.close(); // returns after ~100 ms, logging the straggler by name
        assertEquals(List.of("ignored a cancel"), log);
        release.countDown();
    }

    @Test
    void ownersWithTheSameNameAddUpInStats() {
        OwnedScheduler a = new OwnedScheduler(core, "same");
        OwnedScheduler b = new OwnedScheduler(core, "same");
        a.callLater(Duration.ofHours(1), () -> { });
        b.callLater(Duration.ofHours(1), () -> { });
        assertEquals(2, core.stats().owner("same").pendingTimers());
        a.close();
        assertEquals(1, core.stats().owner("same").pendingTimers());
    }
}
