package org.picogate.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TimerQueueTest {

    /** An entry that records its name when fired. */
    static final class Named extends TimerEntry {
        final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        void fire() {
        }
    }

    private final TimerQueue queue = new TimerQueue();

    private List<String> drain(long now) {
        List<String> order = new ArrayList<>();
        for (TimerEntry e; (e = queue.pollDue(now)) != null;) {
            order.add(((Named) e).name);
        }
        return order;
    }

    @Test
    void ordersByDeadlineThenSubmission() {
        queue.add(new Named("c@30"), 30);
        queue.add(new Named("a@10"), 10);
        queue.add(new Named("b1@20"), 20);
        queue.add(new Named("b2@20"), 20);
        queue.add(new Named("b3@20"), 20);
        assertEquals(List.of("a@10", "b1@20", "b2@20", "b3@20"), drain(25));
        assertEquals(List.of("c@30"), drain(30));
    }

    @Test
    void randomScheduleComesOutSorted() {
        Random random = new Random(42);
        List<Named> entries = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Named e = new Named(Integer.toString(i));
            entries.add(e);
            queue.add(e, random.nextInt(1000));
        }
        for (int i = 0; i < entries.size(); i += 3) {
            assertTrue(queue.remove(entries.get(i)));
        }
        long lastDeadline = Long.MIN_VALUE;
        int lastSeq = Integer.MIN_VALUE;
        int count = 0;
        for (TimerEntry e; (e = queue.pollDue(1000)) != null; count++) {
            assertTrue(e.deadline > lastDeadline || (e.deadline == lastDeadline && e.seq > lastSeq));
            lastDeadline = e.deadline;
            lastSeq = e.seq;
            assertEquals(TimerEntry.QUEUED, e.index);
        }
        assertEquals(10_000 - 3334, count);
    }

    @Test
    void deadlinesCompareAcrossOverflow() {
        long nearMax = Long.MAX_VALUE - 5;
        queue.add(new Named("after-wrap"), nearMax + 10); // wraps to negative
        queue.add(new Named("before-wrap"), nearMax);
        assertEquals(List.of("before-wrap"), drain(nearMax));
        assertEquals(List.of("after-wrap"), drain(nearMax + 10));
    }

    @Test
    void notDueStaysQueued() {
        queue.add(new Named("later"), 100);
        assertNull(queue.pollDue(99));
        assertEquals(1, queue.size());
    }

    @Test
    void removedEntryLeavesAndCannotBeRemovedTwice() {
        Named e = new Named("x");
        queue.add(e, 5);
        assertTrue(queue.remove(e));
        assertFalse(queue.remove(e));
        assertEquals(TimerEntry.DONE, e.index);
        assertEquals(0, queue.size());
    }

    @Test
    void millionScheduleCancelPairsKeepTheHeapBounded() {
        List<Named> live = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            Named e = new Named("t");
            queue.add(e, i % 977);
            live.add(e);
            if (live.size() == 100) {
                for (Named n : live) {
                    assertTrue(queue.remove(n));
                }
                live.clear();
            }
        }
        assertEquals(0, queue.size());
        assertTrue(queue.capacity() <= 256, "capacity " + queue.capacity());
    }

    @Test
    void growsAndShrinksBack() {
        List<Named> all = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            Named e = new Named("t");
            all.add(e);
            queue.add(e, i);
        }
        assertTrue(queue.capacity() >= 100_000);
        all.forEach(queue::remove);
        assertTrue(queue.capacity() <= 4096, "capacity " + queue.capacity()); // small arrays are kept
    }

    @Test
    void removeIfTakesOnlyMatchingAndKeepsOrder() {
        for (int i = 0; i < 100; i++) {
            queue.add(new Named(i % 2 == 0 ? "even" + i : "odd" + i), 100 - i);
        }
        List<TimerEntry> removed = queue.removeIf(e -> ((Named) e).name.startsWith("odd"));
        assertEquals(50, removed.size());
        List<String> rest = drain(1000);
        assertEquals(50, rest.size());
        assertEquals("even98", rest.get(0));
        assertEquals("even0", rest.get(49));
    }

    @Test
    void aNewHeadWakesTheSleepingTimerThreadOnlyIfItIsDueBeforeTheThreadWakesAnyway() throws InterruptedException {
        long second = 1_000_000_000L;
        org.picogate.scheduler.Clock frozen = () -> 0; // nothing ever falls due
        Thread timerThread = Thread.ofPlatform().start(() -> queue.takeDue(frozen, new TimerEntry[8]));
        try {
            Named first = new Named("first@1000s");
            queue.add(first, 1000 * second);
            awaitSleepUntil(1000 * second);
            long wakeUps = queue.wakeUps();

            assertTrue(queue.remove(first)); // the thread still sleeps until 1000 s
            queue.add(new Named("later@2000s"), 2000 * second); // the head now, but due after that
            queue.add(new Named("same@1000s"), 1000 * second);
            assertEquals(wakeUps, queue.wakeUps());
            assertEquals(1000 * second, queue.sleepsUntil(-1));

            queue.add(new Named("earlier@500s"), 500 * second);
            assertEquals(wakeUps + 1, queue.wakeUps());
            awaitSleepUntil(500 * second); // woken, it sleeps until the new head
        } finally {
            timerThread.interrupt();
            timerThread.join();
        }
    }

    /** Waits until the timer thread sleeps until {@code deadline} (giving up after a few seconds, then failing). */
    private void awaitSleepUntil(long deadline) {
        long giveUp = System.nanoTime() + 5_000_000_000L;
        while (queue.sleepsUntil(-1) != deadline && System.nanoTime() - giveUp < 0) {
            Thread.yield();
        }
        assertEquals(deadline, queue.sleepsUntil(-1));
    }
}
