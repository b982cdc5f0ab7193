package org.picogate.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.Timer;
import org.picogate.scheduler.testing.TestScheduler;

/**
 * Cost of one timer in Picogate's scheduler and in the JDK's {@link ScheduledThreadPoolExecutor} with one
 * thread, measured in the same run. Every figure is per timer (ns/op).
 *
 * <ul>
 * <li>{@code *ScheduleFire}: schedule {@value #BATCH} callbacks due now, then wait until the last has run
 * (a {@link CountDownLatch}); the batch time divided by {@value #BATCH}. This is throughput: scheduling on
 * the benchmark thread overlaps with firing on the timer thread (2 cores here).</li>
 * <li>{@code *ScheduleFireOne}: one callback due now, and wait for it: the round trip through the idle
 * scheduler (wake the timer thread, run the callback, wake the waiter). Latency, not throughput.</li>
 * <li>{@code *ScheduleCancel}: schedule {@value #BATCH} callbacks due in an hour, then cancel them in the same
 * order: the pure cost of the queue (insert + remove), nothing fires. A timer due in 30 minutes stays pending
 * on both sides, so the head of the queue never changes and the timer thread is never woken. The executor is
 * set to remove cancelled tasks from its queue ({@code setRemoveOnCancelPolicy(true)}), as Picogate always
 * does; otherwise its queue would keep every cancelled task for the hour.</li>
 * </ul>
 *
 * The callback counts the latch down (firing) or does nothing (cancelling); one callback object is shared by
 * a whole batch, so neither side pays for a lambda per timer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class TimerBench {
    static final int BATCH = 1000;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Runnable NOOP = () -> { };

    private TestScheduler picogate;
    private ScheduledThreadPoolExecutor stpe;
    private final Timer[] timers = new Timer[BATCH];
    private final ScheduledFuture<?>[] futures = new ScheduledFuture<?>[BATCH];

    @Setup(Level.Trial)
    public void start() {
        picogate = TestScheduler.start(Clock.system(), "bench");
        stpe = new ScheduledThreadPoolExecutor(1);
        stpe.setRemoveOnCancelPolicy(true);
        stpe.prestartCoreThread();
        // one timer stays pending, due before every timer of the schedule+cancel benchmarks: their queue head
        // never changes, so they measure the queue alone, not waking the timer thread for each new head
        picogate.callLater(Duration.ofMinutes(30), NOOP);
        stpe.schedule(NOOP, 30, TimeUnit.MINUTES);
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        picogate.close();
        stpe.shutdownNow();
        stpe.awaitTermination(10, TimeUnit.SECONDS);
    }

    // ---- schedule + fire, batch ----

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void picogateScheduleFire() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(BATCH);
        Runnable callback = fired::countDown;
        for (int i = 0; i < BATCH; i++) {
            picogate.callLater(Duration.ZERO, callback);
        }
        await(fired);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void stpeScheduleFire() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(BATCH);
        Runnable callback = fired::countDown;
        for (int i = 0; i < BATCH; i++) {
            stpe.schedule(callback, 0, TimeUnit.NANOSECONDS);
        }
        await(fired);
    }

    // ---- schedule + fire, one at a time ----

    @Benchmark
    public void picogateScheduleFireOne() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        picogate.callLater(Duration.ZERO, fired::countDown);
        await(fired);
    }

    @Benchmark
    public void stpeScheduleFireOne() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        stpe.schedule(fired::countDown, 0, TimeUnit.NANOSECONDS);
        await(fired);
    }

    // ---- schedule + cancel (queue only) ----

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int picogateScheduleCancel() {
        Timer[] t = timers;
        for (int i = 0; i < BATCH; i++) {
            t[i] = picogate.callLater(HOUR, NOOP);
        }
        int cancelled = 0;
        for (int i = 0; i < BATCH; i++) {
            cancelled += t[i].cancel() ? 1 : 0;
        }
        return cancelled;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int stpeScheduleCancel() {
        ScheduledFuture<?>[] f = futures;
        for (int i = 0; i < BATCH; i++) {
            f[i] = stpe.schedule(NOOP, 1, TimeUnit.HOURS);
        }
        int cancelled = 0;
        for (int i = 0; i < BATCH; i++) {
            cancelled += f[i].cancel(false) ? 1 : 0;
        }
        return cancelled;
    }

    private static void await(CountDownLatch fired) throws InterruptedException {
        if (!fired.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(fired.getCount() + " callbacks did not fire within 30 s");
        }
    }
}
