package org.picogate.bench;

import static org.picogate.bench.HeapProbes.awaitJitQuiet;
import static org.picogate.bench.HeapProbes.check;
import static org.picogate.bench.HeapProbes.collector;
import static org.picogate.bench.HeapProbes.compactHeaders;
import static org.picogate.bench.HeapProbes.usedAfterGc;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.picogate.bench.HeapProbes.ClassCount;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.testing.TestScheduler;

/**
 * Heap bytes per pending timer and per sleeping task: the heap in use after full GCs, before and after
 * creating {@code n} of them, divided by {@code n}. Run each measurement in a JVM of its own (see
 * bench/run-scheduler.sh): {@code java -cp bench/target/benchmarks.jar org.picogate.bench.MemoryProbe MODE N}.
 *
 * <ul>
 * <li>{@code timers-picogate N}: {@code callLater(1 hour)} N times with one shared callback; nothing else
 * holds the timers, so the figure is what the scheduler keeps per timer (entry + slot in the heap array).</li>
 * <li>{@code timers-stpe N}: the same with a {@link ScheduledThreadPoolExecutor} of one thread.</li>
 * <li>{@code tasks N}: N tasks that each {@code sleep(1 hour)}, counted once all of them are asleep: the task,
 * its virtual thread and parked stack, its wait and wake-up timer, the registry entries. Also reports the time
 * from the first spawn until every task sleeps, and how long {@code close()} takes to cancel them all.</li>
 * </ul>
 *
 * The last line is {@code RESULT key=value ...}, read by the script.
 */
public final class MemoryProbe {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Runnable NOOP = () -> { };

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MemoryProbe timers-picogate|timers-stpe|tasks N");
            System.exit(2);
        }
        int n = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "timers-picogate" -> picogateTimers(n);
            case "timers-stpe" -> stpeTimers(n);
            case "tasks" -> sleepingTasks(n);
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
        System.exit(0); // also ends what is still asleep
    }

    private static void picogateTimers(int n) {
        try (TestScheduler s = TestScheduler.start(Clock.system(), "probe")) {
            for (int i = 0; i < 10_000; i++) { // load and compile the path first
                s.callLater(HOUR, NOOP).cancel();
            }
            long before = usedAfterGc();
            for (int i = 0; i < n; i++) {
                s.callLater(HOUR, NOOP);
            }
            long after = usedAfterGc();
            int pending = s.stats().pendingTimers();
            check(pending == n, "pending timers " + pending + " != " + n);
            report("timers-picogate", n, before, after, "");
            Reference.reachabilityFence(s);
        }
    }

    private static void stpeTimers(int n) throws InterruptedException {
        ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(1);
        stpe.prestartCoreThread();
        for (int i = 0; i < 10_000; i++) {
            stpe.schedule(NOOP, 1, TimeUnit.HOURS).cancel(false);
        }
        stpe.purge();
        long before = usedAfterGc();
        for (int i = 0; i < n; i++) {
            stpe.schedule(NOOP, 1, TimeUnit.HOURS);
        }
        long after = usedAfterGc();
        int pending = stpe.getQueue().size();
        check(pending == n, "queued tasks " + pending + " != " + n);
        report("timers-stpe", n, before, after, "");
        Reference.reachabilityFence(stpe);
        stpe.shutdownNow();
    }

    private static void sleepingTasks(int n) throws InterruptedException {
        TestScheduler s = TestScheduler.start(Clock.system(), "probe");
        Sleeper sleeper = new Sleeper(s);
        // Warm up on the very code that is measured, with short naps: a parked task's stack is copied to the
        // heap, and interpreted frames are larger than compiled ones, so measuring before the JIT has compiled
        // the spawn and sleep paths would count bigger stacks than a running gateway has.
        sleeper.nap = Duration.ofMillis(1);
        for (int round = 0; round < 5; round++) {
            sleeper.started = new CountDownLatch(10_000);
            for (int i = 0; i < 10_000; i++) {
                s.spawn("warm", sleeper);
            }
            sleeper.started.await();
            awaitNoTasks(s, 60_000);
        }
        awaitJitQuiet();
        long before = usedAfterGc();

        sleeper.nap = HOUR;
        sleeper.started = new CountDownLatch(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            s.spawn("sleeper", sleeper);
        }
        long spawned = System.nanoTime();
        sleeper.started.await();
        while (s.stats().pendingTimers() < n) { // each sleep puts its wake-up timer on the heap before parking
            Thread.sleep(1);
        }
        long asleep = System.nanoTime();
        Thread.sleep(200); // let the last ones park
        long after = usedAfterGc();
        int live = s.stats().liveTasks();
        check(live == n, "live tasks " + live + " != " + n);
        long stack = printBreakdown(n);

        // close() cancels every task and waits up to the grace time (2 s); then wait for the rest to end
        long c0 = System.nanoTime();
        s.close();
        long closed = System.nanoTime();
        int leftAfterClose = s.stats().liveTasks();
        boolean allEnded = awaitNoTasks(s, 120_000);
        long ended = System.nanoTime();
        report("tasks", n, before, after, String.format(Locale.ROOT, " stackBytesPerItem=%.1f spawnMs=%d asleepMs=%d"
                + " closeMs=%d leftAfterClose=%d allEndedMs=%d allEnded=%b", stack / (double) n, millis(spawned - t0),
                millis(asleep - t0), millis(closed - c0), leftAfterClose, millis(ended - c0), allEnded));
    }

    /** One body for every sleeping task, so warm-up and measurement run the same code. */
    private static final class Sleeper implements Runnable {
        private final Scheduler scheduler;
        volatile Duration nap;
        volatile CountDownLatch started;

        Sleeper(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void run() {
            started.countDown();
            scheduler.sleep(nap);
        }
    }

    private static boolean awaitNoTasks(Scheduler s, long maxMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (s.stats().liveTasks() > 0) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /**
     * The classes that make up most of the heap, in bytes per task (from the JVM's class histogram, as
     * {@code jmap -histo:live} prints it), so the figure can be explained.
     */
    private static long printBreakdown(int n) {
        List<ClassCount> classes = HeapProbes.classHistogram();
        if (classes.isEmpty()) {
            return 0;
        }
        long stack = 0;
        System.out.println("heap by class, bytes per task (classes with >= 1 instance per 2 tasks):");
        for (ClassCount c : classes) {
            if (c.name().equals("jdk.internal.vm.StackChunk")) {
                stack = c.bytes(); // the parked stacks
            }
            if (c.instances() * 2 >= n) {
                System.out.printf(Locale.ROOT, "  %8.1f  %-60s %,d instances%n", c.bytes() / (double) n, c.name(),
                        c.instances());
            }
        }
        return stack;
    }

    private static void report(String mode, int n, long before, long after, String extra) {
        double perItem = (after - before) / (double) n;
        System.out.printf(Locale.ROOT, "%s: %d items, heap %,d -> %,d bytes: %.1f bytes each (%s, compact headers"
                + " %s)%n", mode, n, before, after, perItem, collector(), compactHeaders() ? "on" : "off");
        System.out.printf(Locale.ROOT, "RESULT mode=%s n=%d bytesPerItem=%.1f success=true%s%n",
                mode, n, perItem, extra);
    }
}
