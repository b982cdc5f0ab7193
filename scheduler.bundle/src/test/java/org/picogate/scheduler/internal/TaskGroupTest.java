package org.picogate.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.Task.State;
import org.picogate.scheduler.TaskGroup;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;

/**
 * Group logic runs inside a task ({@link #inTask}): under auto-jump, virtual time moves whenever every task is
 * blocked, and the test's own thread is not a task, so steps taken from it would race with time.
 */
class TaskGroupTest {
    private final VirtualClock clock = VirtualClock.create().autoJump();
    private final TestScheduler scheduler = TestScheduler.start(clock, "group-test");
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        scheduler.close();
    }

    interface Body {
        void run() throws Exception;
    }

    private void inTask(Body body) throws Exception {
        try {
            scheduler.spawn("test", () -> {
                body.run();
                return null;
            }).join();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw (Error) e.getCause();
        }
    }

    private Callable<String> after(int seconds, String result) {
        return () -> {
            scheduler.sleep(Duration.ofSeconds(seconds));
            log.add(result);
            return result;
        };
    }

    private Callable<String> failAfter(int seconds, String message) {
        return () -> {
            scheduler.sleep(Duration.ofSeconds(seconds));
            throw new IllegalStateException(message);
        };
    }

    @Test
    void joinWaitsForEveryChild() throws Exception {
        inTask(() -> {
            try (TaskGroup group = scheduler.group("all")) {
                group.spawn("a", after(3, "a"));
                group.spawn("b", after(1, "b"));
                group.spawn("c", after(2, "c"));
                group.join();
            }
            assertEquals(List.of("b", "c", "a"), log);
        });
    }

    @Test
    void firstFailureCancelsSiblingsAndJoinReportsItWithLaterOnesSuppressed() throws Exception {
        inTask(() -> {
            Task<?>[] children = new Task<?>[3];
            ExecutionException e;
            try (TaskGroup group = scheduler.group("failing")) {
                children[0] = group.spawn("slow", after(100, "slow"));
                children[1] = group.spawn("fails-first", failAfter(1, "first (expected by the test)"));
                children[2] = group.spawn("fails-in-cleanup", () -> {
                    try {
                        scheduler.sleep(Duration.ofSeconds(100));
                    } finally {
                        throw new IllegalStateException("later (expected by the test)");
                    }
                });
                e = assertThrows(ExecutionException.class, group::join);
            }
            assertEquals("first (expected by the test)", e.getCause().getMessage());
            assertEquals(1, e.getSuppressed().length);
            assertEquals("later (expected by the test)", e.getSuppressed()[0].getMessage());
            assertEquals(State.CANCELLED, children[0].state());
            assertEquals(State.FAILED, children[1].state());
            assertEquals(List.of(), log);
        });
    }

    @Test
    void failedGroupRefusesNewChildren() throws Exception {
        inTask(() -> {
            try (TaskGroup group = scheduler.group("failed")) {
                group.spawn("fails", failAfter(0, "boom (expected by the test)"));
                assertThrows(ExecutionException.class, group::join);
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> group.spawn("late", after(1, "late")));
                assertTrue(e.getMessage().startsWith("task group 'failed' has failed"));
            }
        });
    }

    @Test
    void closeWithoutJoinCancelsChildrenAndWaitsForThem() throws Exception {
        inTask(() -> {
            TaskGroup group = scheduler.group("abandoned");
            Task<String> child = group.spawn("child", () -> {
                try {
                    scheduler.sleep(Duration.ofHours(1));
                    return "slept";
                } finally {
                    log.add("child cleaned up");
                }
            });
            scheduler.sleep(Duration.ofSeconds(1)); // the child is asleep now, not cancelled before it started
            group.close();
            assertEquals(State.CANCELLED, child.state());
            assertEquals(List.of("child cleaned up"), log);
            assertThrows(IllegalStateException.class, () -> group.spawn("late", after(1, "late")));
        });
    }

    @Test
    void closeReportsAFailureNobodyJoined() throws Exception {
        inTask(() -> {
            TaskGroup group = scheduler.group("unjoined");
            group.spawn("fails", () -> {
                throw new IllegalArgumentException("unseen (expected by the test)");
            });
            scheduler.sleep(Duration.ofSeconds(1)); // it has failed by now
            TaskGroup.GroupFailedException e = assertThrows(TaskGroup.GroupFailedException.class, group::close);
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
        });
    }

    @Test
    void cancellingTheJoinerCancelsTheChildrenAndWaitsForThem() {
        VirtualClock manual = VirtualClock.create(); // no auto-jump: the child must still be asleep at cancel
        try (TestScheduler s = TestScheduler.start(manual, "manual")) {
            Task<Void> parent = s.spawn("parent", () -> {
                try (TaskGroup group = s.group("nested")) {
                    group.spawn("child", () -> {
                        try {
                            s.sleep(Duration.ofHours(1));
                        } finally {
                            log.add("child ended");
                        }
                    });
                    group.join();
                }
                return null;
            });
            manual.advance(Duration.ZERO);
            parent.cancel();
            assertThrows(CancellationException.class, parent::join);
            assertEquals(List.of("child ended"), log);
            assertEquals(0, s.stats().liveTasks());
        }
    }

    @Test
    void gatherReturnsResultsInOrder() throws Exception {
        inTask(() -> {
            List<String> results = scheduler.gather(List.of(after(3, "x"), after(1, "y"), after(2, "z")));
            assertEquals(List.of("x", "y", "z"), results);
            assertEquals(List.of("y", "z", "x"), log);
        });
    }

    @Test
    void gatherFailsWithTheFirstFailureAndCancelsTheRest() throws Exception {
        inTask(() -> {
            ExecutionException e = assertThrows(ExecutionException.class, () -> scheduler.gather(
                    List.of(after(5, "never"), failAfter(1, "gather failed (expected by the test)"))));
            assertEquals("gather failed (expected by the test)", e.getCause().getMessage());
            assertEquals(List.of(), log);
            assertEquals(1, scheduler.stats().liveTasks()); // the test's own task
        });
    }
}
