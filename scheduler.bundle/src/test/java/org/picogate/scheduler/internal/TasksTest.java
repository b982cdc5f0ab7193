package org.picogate.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.scheduler.CancelledException;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.Task.State;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;

class TasksTest {
    private final VirtualClock clock = VirtualClock.create();
    private final TestScheduler scheduler = TestScheduler.start(clock, "tasks-test");
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void spawnedTaskRunsOnANamedVirtualThreadAndJoinsWithItsResult() throws Exception {
        Task<String> t = scheduler.spawn("worker", () -> Thread.currentThread().getName() + ":"
                + Thread.currentThread().isVirtual());
        assertEquals("worker:true", t.join());
        assertEquals(State.SUCCEEDED, t.state());
        assertEquals("worker", t.name());
        assertEquals("tasks-test", t.owner());
    }

    @Test
    void failedTaskJoinsWithExecutionExceptionAndIsCounted() {
        Task<Object> t = scheduler.spawn("failing", () -> {
            throw new java.io.IOException("disk gone (expected by the test)");
        });
        ExecutionException e = assertThrows(ExecutionException.class, t::join);
        assertInstanceOf(java.io.IOException.class, e.getCause());
        assertEquals(State.FAILED, t.state());
        assertEquals(1, scheduler.stats().failedTasks());
    }

    @Test
    void sleepingTaskWakesWhenVirtualTimeReachesItsDeadline() throws Exception {
        Task<Void> t = scheduler.spawn("sleeper", () -> {
            scheduler.sleep(Duration.ofSeconds(30));
            log.add("woke");
        });
        clock.advance(Duration.ofSeconds(29));
        assertEquals(List.of(), log);
        assertEquals(State.RUNNING, t.state());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("woke"), log);
        t.join();
    }

    @Test
    void advanceStepsInterleaveTasksDeterministically() {
        for (String name : List.of("a", "b", "c")) {
            int period = name.charAt(0) - 'a' + 2; // a every 2 s, b every 3 s, c every 4 s
            scheduler.spawn(name, () -> {
                for (int i = 1; i <= 3; i++) {
                    scheduler.sleep(Duration.ofSeconds(period));
                    log.add(name + (period * i));
                }
            });
        }
        clock.advance(Duration.ofSeconds(12));
        // equal deadlines resolve by the order the sleeps were scheduled: c slept for t=4 at t=0, a at t=2
        assertEquals(List.of("a2", "b3", "c4", "a4", "b6", "a6", "c8", "b9", "c12"), log);
    }

    @Test
    void cancellingASleepingTaskRunsItsFinallyAndEndsItCancelled() {
        Event started = scheduler.event();
        Task<Void> t = scheduler.spawn("victim", () -> {
            try {
                started.set();
                scheduler.sleep(Duration.ofHours(1));
                log.add("not reached");
            } catch (CancelledException e) {
                log.add("cancelled: " + e.getMessage());
                throw e;
            } finally {
                log.add("finally");
            }
        });
        started.await();
        assertTrue(t.cancel());
        CancellationException e = assertThrows(CancellationException.class, t::join);
        assertEquals("task 'victim' was cancelled", e.getMessage());
        assertEquals(State.CANCELLED, t.state());
        assertEquals(List.of("cancelled: victim was cancelled while sleeping", "finally"), log);
        assertFalse(t.cancel());
    }

    @Test
    void cancelledTaskMayCleanUpWithBlockingCallsInFinally() throws Exception {
        Event started = scheduler.event();
        Task<Void> t = scheduler.spawn("cleaner", () -> {
            try {
                started.set();
                scheduler.sleep(Duration.ofHours(1));
            } finally {
                scheduler.sleep(Duration.ofSeconds(1)); // cancellation is delivered once
                log.add("cleaned up");
            }
        });
        started.await();
        t.cancel();
        clock.advance(Duration.ofSeconds(1));
        assertThrows(CancellationException.class, t::join);
        assertEquals(List.of("cleaned up"), log);
    }

    @Test
    void cancellingABusyTaskTakesEffectAtItsNextWait() {
        Event go = scheduler.event();
        Event started = scheduler.event();
        Task<Void> t = scheduler.spawn("busy", () -> {
            started.set();
            while (!go.isSet()) {
                Thread.onSpinWait(); // not a blocking point: the cancel waits for the next one
            }
            log.add("reached the wait");
            scheduler.sleep(Duration.ofSeconds(1));
            log.add("not reached");
        });
        started.await();
        t.cancel();
        go.set();
        assertThrows(CancellationException.class, t::join);
        assertEquals(List.of("reached the wait"), log);
    }

    @Test
    void taskThatSwallowsCancellationEndsWithItsResult() throws Exception {
        Event started = scheduler.event();
        Task<String> t = scheduler.spawn("stubborn", () -> {
            started.set();
            try {
                scheduler.sleep(Duration.ofHours(1));
            } catch (CancelledException handled) {
                return "handled"; // like asyncio: a task may refuse cancellation and return a result
            }
            return "slept";
        });
        started.await();
        t.cancel();
        assertEquals("handled", t.join());
        assertEquals(State.SUCCEEDED, t.state());
    }

    @Test
    void joinWithTimeoutFollowsTheSchedulerClock() throws Exception {
        Task<String> slow = scheduler.spawn("slow", () -> {
            scheduler.sleep(Duration.ofSeconds(10));
            return "late";
        });
        Task<Object> joiner = scheduler.spawn("joiner", () -> {
            try {
                return slow.join(Duration.ofSeconds(5));
            } catch (TimeoutException e) {
                return e.getMessage();
            }
        });
        clock.advance(Duration.ofSeconds(5));
        assertEquals("task 'slow' still running after PT5S", joiner.join());
        assertEquals(State.RUNNING, slow.state());
        clock.advance(Duration.ofSeconds(5));
        assertEquals("late", slow.join(Duration.ZERO));
    }

    @Test
    void cancellingAJoinerDoesNotCancelTheJoinee() {
        Event hold = scheduler.event();
        Task<String> joinee = scheduler.spawn("joinee", () -> {
            hold.await();
            return "ok";
        });
        Task<Object> joiner = scheduler.spawn("joiner", () -> joinee.join());
        clock.advance(Duration.ZERO);
        joiner.cancel();
        assertThrows(CancellationException.class, joiner::join);
        assertEquals(State.RUNNING, joinee.state());
        hold.set();
        assertEquals("ok", assertDoesNotThrowJoin(joinee));
    }

    private static <T> T assertDoesNotThrowJoin(Task<T> t) {
        try {
            return t.join();
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void taskLimitRejectsWithAClearMessage() {
        scheduler.close();
        try (TestScheduler limited = TestScheduler.start(VirtualClock.create(), "limited")) {
            ((StandaloneScheduler) limited).core().configure(Duration.ofSeconds(2), 3);
            Event hold = limited.event();
            for (int i = 0; i < 3; i++) {
                limited.spawn("t" + i, () -> hold.await());
            }
            RejectedExecutionException e = assertThrows(RejectedExecutionException.class,
                    () -> limited.spawn("t3", () -> hold.await()));
            assertEquals("limited already has 3 live tasks, the limit set by maxTasksPerBundle", e.getMessage());
            hold.set();
        }
    }

    @Test
    void closedSchedulerRejectsWork() {
        scheduler.close();
        assertThrows(RejectedExecutionException.class, () -> scheduler.spawn("late", () -> { }));
        assertThrows(RejectedExecutionException.class, () -> scheduler.callSoon(() -> { }));
        assertThrows(RejectedExecutionException.class,
                () -> scheduler.callLater(Duration.ofSeconds(1), () -> { }));
    }

    @Test
    void statsCountSpawnedAndLiveTasks() throws Exception {
        Event hold = scheduler.event();
        Task<Void> a = scheduler.spawn("a", () -> hold.await());
        Task<Void> b = scheduler.spawn("b", () -> hold.await());
        assertEquals(2, scheduler.stats().liveTasks());
        assertEquals(2, scheduler.stats().owner("tasks-test").liveTasks());
        hold.set();
        a.join();
        b.join();
        assertEquals(0, scheduler.stats().owner("tasks-test").liveTasks());
        assertEquals(2, scheduler.stats().owner("tasks-test").spawnedTasks());
    }

    @Test
    void interruptOfAPlainThreadWaitingOnTheSchedulerIsACancellation() throws Exception {
        Thread plain = Thread.ofPlatform().start(() -> {
            try {
                scheduler.sleep(Duration.ofHours(1));
            } catch (CancelledException e) {
                log.add("cancelled");
            }
        });
        while (plain.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        plain.interrupt();
        plain.join();
        assertEquals(List.of("cancelled"), log);
    }
}
