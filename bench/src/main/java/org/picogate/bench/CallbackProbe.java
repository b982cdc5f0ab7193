package org.picogate.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.picogate.scheduler.Clock;
import org.picogate.scheduler.testing.TestScheduler;

/**
 * How many "callbacks" tasks (virtual threads) the scheduler starts to run a burst of due callbacks. The
 * scheduler drains due callbacks on one short-lived task per owner and starts a new one whenever that FIFO
 * had run dry; so the count tells whether a burst really costs one virtual thread or one per callback.
 * Schedules bursts of {@code callLater(0)} for a few seconds per burst size and prints, per size, the tasks
 * spawned per callback and the time per callback.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.picogate.bench.CallbackProbe}
 */
public final class CallbackProbe {
    private static final int[] BURSTS = {1, 10, 100, 1000};
    private static final long MILLIS_PER_SIZE = 1500;

    private CallbackProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (TestScheduler s = TestScheduler.start(Clock.system(), "probe")) {
            run(s, 1000, 500); // warm-up
            for (int burst : BURSTS) {
                run(s, burst, MILLIS_PER_SIZE);
            }
        }
    }

    private static void run(TestScheduler s, int burst, long millis) throws InterruptedException {
        long spawned0 = s.stats().spawnedTasks();
        long callbacks = 0;
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.MILLISECONDS.toNanos(millis);
        do {
            CountDownLatch fired = new CountDownLatch(burst);
            Runnable callback = fired::countDown;
            for (int i = 0; i < burst; i++) {
                s.callLater(Duration.ZERO, callback);
            }
            if (!fired.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("callbacks did not fire");
            }
            callbacks += burst;
        } while (System.nanoTime() < end);
        long elapsed = System.nanoTime() - t0;
        long spawned = s.stats().spawnedTasks() - spawned0;
        if (millis == MILLIS_PER_SIZE) {
            System.out.printf(Locale.ROOT, "burst %4d: %,d callbacks, %,d callback tasks spawned: %.3f per callback,"
                    + " %.0f ns per callback%n", burst, callbacks, spawned, spawned / (double) callbacks,
                    elapsed / (double) callbacks);
            System.out.printf(Locale.ROOT, "RESULT mode=burst burst=%d callbacks=%d spawned=%d spawnedPerCallback=%.3f"
                    + " nsPerCallback=%.0f%n", burst, callbacks, spawned, spawned / (double) callbacks,
                    elapsed / (double) callbacks);
        }
    }
}
