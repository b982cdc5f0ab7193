package org.picogate.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.scheduler.CancelledException;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;

class TimeoutTest {
    private final VirtualClock clock = VirtualClock.create();
    private final TestScheduler scheduler = TestScheduler.start(clock, "timeout-test");
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        scheduler.close();
    }

    /** Runs body in a task and returns what it returned or the simple name of what it threw. */
    private Task<String> inTask(java.util.concurrent.Callable<String> body) {
        return scheduler.spawn("timed", () -> {
            try {
                return body.call();
            } catch (Exception e) {
                return e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        });
    }

    @Test
    void bodyThatOverrunsIsCancelledAndTimesOut() throws Exception {
        Task<String> t = inTask(() -> scheduler.withTimeout(Duration.ofSeconds(5), () -> {
            try {
                scheduler.sleep(Duration.ofSeconds(60));
                return "finished";
            } finally {
                log.add("body cleaned up at " + clock.nanoTime() / 1_000_000_000 + "s");
            }
        }));
        clock.advance(Duration.ofSeconds(5));
        assertEquals("TimeoutException: timed out after PT5S", t.join());
        assertEquals(List.of("body cleaned up at 5s"), log);
    }

    @Test
    void bodyThatFinishesInTimeReturnsItsResultAndLeavesNoInterrupt() throws Exception {
        Task<String> t = inTask(() -> {
            String r = scheduler.withTimeout(Duration.ofSeconds(5), () -> {
                scheduler.sleep(Duration.ofSeconds(4));
                return "in time";
            });
            scheduler.sleep(Duration.ofSeconds(10)); // would throw if a stray cancellation were left
            return r + ", " + Thread.currentThread().isInterrupted();
        });
        clock.advance(Duration.ofSeconds(20));
        assertEquals("in time, false", t.join());
        assertEquals(0, scheduler.stats().pendingTimers());
    }

    @Test
    void innerTimeoutFiresFirstAndOuterScopeContinues() throws Exception {
        Task<String> t = inTask(() -> scheduler.withTimeout(Duration.ofSeconds(10), () -> {
            try {
                scheduler.withTimeout(Duration.ofSeconds(2), () -> {
                    scheduler.sleep(Duration.ofSeconds(60));
                    return null;
                });
                return "inner did not time out";
            } catch (TimeoutException inner) {
                scheduler.sleep(Duration.ofSeconds(1));
                return "inner timed out, outer went on to " + clock.nanoTime() / 1_000_000_000 + "s";
            }
        }));
        clock.advance(Duration.ofSeconds(10));
        assertEquals("inner timed out, outer went on to 3s", t.join());
    }

    @Test
    void outerTimeoutCrossesTheInnerScope() throws Exception {
        Task<String> t = inTask(() -> scheduler.withTimeout(Duration.ofSeconds(2), () -> {
            try {
                return scheduler.withTimeout(Duration.ofSeconds(10), () -> {
                    scheduler.sleep(Duration.ofSeconds(60));
                    return "slept";
                });
            } catch (TimeoutException e) {
                return "inner scope must not claim the outer timeout";
            }
        }));
        clock.advance(Duration.ofSeconds(2));
        assertEquals("TimeoutException: timed out after PT2S", t.join());
    }

    @Test
    void checkedFailureOfTheBodyIsWrappedUncheckedPassesThrough() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> scheduler.withTimeout(Duration.ofSeconds(1), () -> {
                    throw new java.io.IOException("checked (expected by the test)");
                }));
        assertInstanceOf(java.io.IOException.class, e.getCause());
        assertThrows(IllegalStateException.class, () -> scheduler.withTimeout(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("unchecked (expected by the test)");
        }));
    }

    @Test
    void externalCancellationIsNotMistakenForATimeout() {
        Task<String> t = scheduler.spawn("victim", () -> scheduler.withTimeout(Duration.ofSeconds(30), () -> {
            scheduler.sleep(Duration.ofSeconds(60));
            return "slept";
        }));
        clock.advance(Duration.ofSeconds(1));
        t.cancel();
        CancellationException e = assertThrows(CancellationException.class, t::join);
        assertInstanceOf(CancelledException.class, e.getCause());
    }

    @Test
    void zeroTimeoutCancelsAtTheFirstWait() throws Exception {
        Task<String> t = inTask(() -> scheduler.withTimeout(Duration.ZERO, () -> {
            scheduler.sleep(Duration.ofSeconds(1));
            return "slept";
        }));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("TimeoutException: timed out after PT0S", t.join());
    }

    @Test
    void negativeTimeoutIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.withTimeout(Duration.ofMillis(-1), () -> "x"));
        assertEquals("timeout must not be negative: PT-0.001S", e.getMessage());
    }

    @Test
    void autoJumpRunsAThirtySecondTimeoutWithoutWaiting() throws Exception {
        VirtualClock jumping = VirtualClock.create().autoJump();
        try (TestScheduler s = TestScheduler.start(jumping, "jumping")) {
            long start = jumping.nanoTime();
            Task<String> t = s.spawn("slow", () -> {
                try {
                    return s.withTimeout(Duration.ofSeconds(30), () -> {
                        s.sleep(Duration.ofMinutes(10));
                        return "slept";
                    });
                } catch (TimeoutException e) {
                    return "timed out at " + (jumping.nanoTime() - start) / 1_000_000_000 + "s";
                }
            });
            assertEquals("timed out at 30s", t.join());
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }
}
