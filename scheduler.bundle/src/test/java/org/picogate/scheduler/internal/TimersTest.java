package org.picogate.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.scheduler.Timer;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;

/** callSoon / callLater / callAt on virtual time: order, cancellation, failures, bad arguments. */
class TimersTest {
    private final VirtualClock clock = VirtualClock.create();
    private final TestScheduler scheduler = TestScheduler.start(clock, "timers-test");
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        scheduler.close();
    }

    private Runnable record(String what) {
        return () -> log.add(what);
    }

    @Test
    void callSoonRunsInFifoOrder() {
        for (int i = 0; i < 100; i++) {
            scheduler.callSoon(record("s" + i));
        }
        clock.advance(Duration.ZERO);
        assertEquals(100, log.size());
        for (int i = 0; i < 100; i++) {
            assertEquals("s" + i, log.get(i));
        }
    }

    @Test
    void callLaterRunsInDeadlineOrderAndEqualDeadlinesInSubmissionOrder() {
        scheduler.callLater(Duration.ofSeconds(3), record("c@3"));
        scheduler.callLater(Duration.ofSeconds(1), record("a1@1"));
        scheduler.callLater(Duration.ofSeconds(2), record("b@2"));
        scheduler.callLater(Duration.ofSeconds(1), record("a2@1"));
        clock.advance(Duration.ofMillis(999));
        assertEquals(List.of(), log);
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("a1@1", "a2@1"), log);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of("a1@1", "a2@1", "b@2", "c@3"), log);
    }

    @Test
    void timeIsTheDeadlineWhileACallbackRuns() {
        long start = clock.nanoTime();
        List<Long> seen = new CopyOnWriteArrayList<>();
        scheduler.callLater(Duration.ofSeconds(2), () -> seen.add(clock.nanoTime() - start));
        scheduler.callLater(Duration.ofSeconds(7), () -> seen.add(clock.nanoTime() - start));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(List.of(2_000_000_000L, 7_000_000_000L), seen);
        assertEquals(10_000_000_000L, clock.nanoTime() - start);
    }

    @Test
    void callbackSchedulingAnotherIsRunByTheSameAdvance() {
        scheduler.callLater(Duration.ofSeconds(1), () -> {
            log.add("first");
            scheduler.callLater(Duration.ofSeconds(1), record("second"));
        });
        clock.advance(Duration.ofSeconds(2));
        assertEquals(List.of("first", "second"), log);
    }

    @Test
    void cancelledTimerNeverRuns() {
        Timer t = scheduler.callLater(Duration.ofSeconds(1), record("cancelled"));
        scheduler.callLater(Duration.ofSeconds(1), record("kept"));
        assertTrue(t.cancel());
        assertFalse(t.cancel());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(List.of("kept"), log);
        assertEquals(0, scheduler.stats().owner("timers-test").pendingTimers());
    }

    @Test
    void cancelledCallSoonNeverRuns() {
        Timer t = scheduler.callSoon(record("cancelled"));
        scheduler.callSoon(record("kept"));
        assertTrue(t.cancel());
        clock.advance(Duration.ZERO);
        assertEquals(List.of("kept"), log);
    }

    @Test
    void firedTimerCannotBeCancelled() {
        Timer t = scheduler.callLater(Duration.ofSeconds(1), record("ran"));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(t.cancel());
        assertEquals(List.of("ran"), log);
    }

    @Test
    void failingCallbackIsCountedAndDoesNotStopOthers() {
        scheduler.callLater(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("boom (expected by the test)");
        });
        scheduler.callLater(Duration.ofSeconds(1), record("after failure"));
        scheduler.callLater(Duration.ofSeconds(2), record("later"));
        clock.advance(Duration.ofSeconds(3));
        assertEquals(List.of("after failure", "later"), log);
        assertEquals(1, scheduler.stats().failedCallbacks());
    }

    @Test
    void callAtInThePastIsDueAtOnce() {
        clock.advance(Duration.ofSeconds(10));
        scheduler.callAt(clock.nanoTime() - 5_000_000_000L, record("past"));
        Timer t = scheduler.callAt(clock.nanoTime() + 1, record("future"));
        clock.advance(Duration.ZERO);
        assertEquals(List.of("past"), log);
        assertEquals(clock.nanoTime() + 1, t.deadlineNanos());
    }

    @Test
    void millionScheduleAndCancelPairsLeaveNothingBehind() {
        Runnable never = record("never");
        for (int i = 0; i < 1_000_000; i++) {
            scheduler.callLater(Duration.ofSeconds(1 + i % 60), never).cancel();
        }
        assertEquals(0, scheduler.stats().pendingTimers());
        assertEquals(0, scheduler.stats().owner("timers-test").pendingTimers());
        assertTrue(((StandaloneScheduler) scheduler).core().timers.capacity() <= 64);
        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(), log);
    }

    @Test
    void aBurstOfDueCallbacksOnRealTimeRunsInOrderOnFewCallbackTasks() throws Exception {
        try (TestScheduler real = TestScheduler.start(org.picogate.scheduler.Clock.system(), "burst")) {
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1000);
            List<Integer> order = new CopyOnWriteArrayList<>();
            long due = real.clock().nanoTime() + 300_000_000L; // all due at one instant: fired in 4 batches of 256
            for (int i = 0; i < 1000; i++) {
                int n = i;
                real.callAt(due, () -> {
                    order.add(n);
                    done.countDown();
                });
            }
            done.await();
            for (int i = 0; i < 1000; i++) {
                assertEquals(i, order.get(i));
            }
            // one runner start per batch at most (a runner still busy is not started again)
            assertTrue(real.stats().spawnedTasks() <= 4, "callback tasks: " + real.stats().spawnedTasks());
        }
    }

    @Test
    void pendingTimersAreCounted() {
        for (int i = 0; i < 10; i++) {
            scheduler.callLater(Duration.ofMinutes(1), record("x"));
        }
        assertEquals(10, scheduler.stats().pendingTimers());
        assertEquals(10, scheduler.stats().owner("timers-test").pendingTimers());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, scheduler.stats().owner("timers-test").pendingTimers());
    }

    @Test
    void hugeDelayIsCappedNotOverflowed() {
        Timer t = scheduler.callLater(Duration.ofDays(365L * 1000), record("never"));
        assertTrue(t.deadlineNanos() - clock.nanoTime() > 0);
        clock.advance(Duration.ofDays(365));
        assertEquals(List.of(), log);
    }

    @Test
    void badArgumentsNameTheArgument() {
        assertEquals("delay must not be negative: PT-1S", assertThrows(IllegalArgumentException.class,
                () -> scheduler.callLater(Duration.ofSeconds(-1), record("x"))).getMessage());
        assertEquals("delay", assertThrows(NullPointerException.class,
                () -> scheduler.callLater(null, record("x"))).getMessage());
        assertEquals("callback", assertThrows(NullPointerException.class,
                () -> scheduler.callLater(Duration.ZERO, null)).getMessage());
        assertEquals("callback", assertThrows(NullPointerException.class,
                () -> scheduler.callSoon(null)).getMessage());
        assertEquals("duration", assertThrows(NullPointerException.class,
                () -> scheduler.sleep(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> scheduler.sleep(Duration.ofNanos(-1)));
        assertThrows(IllegalArgumentException.class, () -> scheduler.channel(0));
        assertEquals("name", assertThrows(NullPointerException.class,
                () -> scheduler.spawn(null, () -> { })).getMessage());
    }
}
