package org.picogate.scheduler.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The one timer heap of a scheduler: a binary min-heap of {@link TimerEntry} ordered by (deadline, sequence).
 * Cancelled entries leave the heap at once, and the array shrinks again when it empties, so scheduling and
 * cancelling any number of timers keeps memory bounded by the timers actually pending.
 */
final class TimerQueue {
    private static final int MIN_CAPACITY = 64;
    private static final int KEEP_CAPACITY = 4096;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition headChanged = lock.newCondition();
    private TimerEntry[] heap = new TimerEntry[MIN_CAPACITY];
    private int size;
    private int nextSeq;
    /**
     * Real time: the timer thread sleeps in {@link #takeDue} until {@link #sleepsUntil}. A new head due no
     * earlier needs no wake-up: the thread wakes by then anyway and looks at the heap again. Without this check,
     * a head that is added and removed again quickly (a close's linger, a deadline per connection) woke the
     * thread (a futex wake and a context switch) on every add, because once the earlier one is gone each new one
     * is the head again, although the thread still sleeps until the one removed.
     */
    private boolean sleeping;
    private long sleepsUntil;
    /** How often {@link #add} woke the sleeping timer thread (for the test of the rule above). */
    private long wakeUps;

    void add(TimerEntry entry, long deadline) {
        lock.lock();
        try {
            entry.deadline = deadline;
            entry.seq = nextSeq++;
            if (size == heap.length) {
                heap = java.util.Arrays.copyOf(heap, size + (size >> 1));
            }
            place(entry, size++);
            siftUp(entry.index);
            if (entry.index == 0 && !(sleeping && deadline - sleepsUntil >= 0)) {
                wakeUps++;
                headChanged.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes the entry out of the heap if it is still there. */
    boolean remove(TimerEntry entry) {
        if (entry.index < 0) {
            return false; // fired or removed already: no need to take the lock (the common case after a wait)
        }
        lock.lock();
        try {
            int i = entry.index;
            if (i < 0) {
                return false;
            }
            removeAt(i);
            entry.index = TimerEntry.DONE;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes every entry the filter accepts (used when an owner goes away); returns how many. */
    List<TimerEntry> removeIf(Predicate<TimerEntry> filter) {
        List<TimerEntry> removed = new ArrayList<>();
        lock.lock();
        try {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                TimerEntry e = heap[i];
                if (filter.test(e)) {
                    e.index = TimerEntry.DONE;
                    removed.add(e);
                } else {
                    place(e, kept++);
                }
            }
            java.util.Arrays.fill(heap, kept, size, null);
            size = kept;
            for (int i = (size >>> 1) - 1; i >= 0; i--) {
                siftDown(i);
            }
            shrinkIfSparse();
            headChanged.signal();
        } finally {
            lock.unlock();
        }
        return removed;
    }

    /** Takes the head off the heap if it is due at {@code now}; it is then {@link TimerEntry#QUEUED}. */
    TimerEntry pollDue(long now) {
        lock.lock();
        try {
            if (size == 0 || heap[0].deadline - now > 0) {
                return null;
            }
            TimerEntry head = heap[0];
            removeAt(0);
            head.index = TimerEntry.QUEUED;
            return head;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Real time: blocks until the head is due by {@code clock}, then takes every entry due (in order, at most
     * {@code batch.length}) in one hold of the lock. Returns how many, or 0 when interrupted (the timer thread
     * is asked to stop). Taking a burst at once also hands an owner's callbacks over as one burst, run by one
     * callback task.
     */
    int takeDue(org.picogate.scheduler.Clock clock, TimerEntry[] batch) {
        lock.lock();
        try {
            while (true) {
                if (size == 0) {
                    headChanged.await();
                    continue;
                }
                long now = clock.nanoTime();
                if (heap[0].deadline - now > 0) {
                    sleeping = true;
                    sleepsUntil = heap[0].deadline;
                    try {
                        headChanged.awaitNanos(heap[0].deadline - now);
                    } finally {
                        sleeping = false;
                    }
                    continue;
                }
                int n = 0;
                while (n < batch.length && size > 0 && heap[0].deadline - now <= 0) {
                    TimerEntry head = heap[0];
                    removeAt(0);
                    head.index = TimerEntry.QUEUED;
                    batch[n++] = head;
                }
                return n;
            }
        } catch (InterruptedException stop) {
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /** Until when the timer thread sleeps in {@link #takeDue}, or {@code fallback} if it does not. */
    long sleepsUntil(long fallback) {
        lock.lock();
        try {
            return sleeping ? sleepsUntil : fallback;
        } finally {
            lock.unlock();
        }
    }

    long wakeUps() {
        lock.lock();
        try {
            return wakeUps;
        } finally {
            lock.unlock();
        }
    }

    /** Deadline of the head, or {@code fallback} when the heap is empty. */
    long headDeadline(long fallback) {
        lock.lock();
        try {
            return size == 0 ? fallback : heap[0].deadline;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** Length of the backing array; exposed to test that cancelled timers do not leave memory behind. */
    int capacity() {
        lock.lock();
        try {
            return heap.length;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the real-time waiter in {@link #takeDue} without adding anything, so it can see a stop request. */
    void wakeUp() {
        lock.lock();
        try {
            headChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void removeAt(int i) {
        int last = --size;
        TimerEntry moved = heap[last];
        heap[last] = null;
        if (i != last) {
            place(moved, i);
            siftDown(i);
            if (moved.index == i) {
                siftUp(i);
            }
        }
        shrinkIfSparse();
    }

    /**
     * Gives memory back once the heap is a quarter full; arrays up to {@link #KEEP_CAPACITY} slots are kept, so
     * that a steady come and go of timers does not reallocate on every cycle.
     */
    private void shrinkIfSparse() {
        if (heap.length > KEEP_CAPACITY && size < heap.length >> 2) {
            heap = java.util.Arrays.copyOf(heap, Math.max(MIN_CAPACITY, heap.length >> 1));
        }
    }

    private void siftUp(int i) {
        TimerEntry e = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            TimerEntry p = heap[parent];
            if (!e.before(p)) {
                break;
            }
            place(p, i);
            i = parent;
        }
        place(e, i);
    }

    private void siftDown(int i) {
        TimerEntry e = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            TimerEntry c = heap[child];
            int right = child + 1;
            if (right < size && heap[right].before(c)) {
                child = right;
                c = heap[child];
            }
            if (!c.before(e)) {
                break;
            }
            place(c, i);
            i = child;
        }
        place(e, i);
    }

    private void place(TimerEntry e, int i) {
        heap[i] = e;
        e.index = i;
    }
}
