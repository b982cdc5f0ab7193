package org.picogate.scheduler.internal;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.scheduler.Channel;
import org.picogate.scheduler.ChannelClosedException;

/**
 * A ring buffer with two wait lists. A sender or receiver that is woken retries under the lock, so a wake-up
 * only means "worth another look"; one that gives up (timeout, cancellation) never swallows a wake-up meant
 * for another, because wake-ups go only to waits still open ({@link Waiter#open()}).
 */
final class ChannelImpl<T> implements Channel<T> {
    private static final Object TIMED_OUT = new Object();

    private final SchedulerCore core;
    private final Object[] items;
    private final ReentrantLock lock = new ReentrantLock();
    private final WaitList senders = new WaitList();
    private final WaitList receivers = new WaitList();
    private int head;
    private int count;
    private boolean closed;

    ChannelImpl(SchedulerCore core, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.core = core;
        this.items = new Object[capacity];
    }

    @Override
    public void send(T item) {
        send(item, false, 0);
    }

    @Override
    public boolean send(T item, Duration timeout) {
        return send(item, true, core.deadlineAfter(timeout, "timeout"));
    }

    @Override
    public boolean trySend(T item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            failIfClosed();
            if (count == items.length) {
                return false;
            }
            enqueue(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean send(T item, boolean timed, long deadline) {
        Objects.requireNonNull(item, "item");
        while (true) {
            Waiter w;
            lock.lock();
            try {
                failIfClosed();
                if (count < items.length) {
                    enqueue(item);
                    return true;
                }
                if (timed && deadline - core.now() <= 0) {
                    return false;
                }
                w = core.newWaiter();
                senders.add(w);
            } finally {
                lock.unlock();
            }
            senders.await(lock, w, core, timed, deadline, "sending on a channel");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T receive() {
        Object item = receiveOrEnd(false, 0);
        if (item == null) {
            throw new ChannelClosedException("channel is closed and drained");
        }
        return (T) item;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T receive(Duration timeout) throws TimeoutException {
        long deadline = core.deadlineAfter(timeout, "timeout");
        Object item = receiveOrEnd(true, deadline);
        if (item == null) {
            throw new ChannelClosedException("channel is closed and drained");
        }
        if (item == TIMED_OUT) {
            throw new TimeoutException("no item received within " + timeout);
        }
        return (T) item;
    }

    @Override
    public T tryReceive() {
        lock.lock();
        try {
            return count == 0 ? null : dequeue();
        } finally {
            lock.unlock();
        }
    }

    /** The next item; {@code null} when closed and drained; {@link #TIMED_OUT} past the deadline. */
    private Object receiveOrEnd(boolean timed, long deadline) {
        while (true) {
            Waiter w;
            lock.lock();
            try {
                if (count > 0) {
                    return dequeue();
                }
                if (closed) {
                    return null;
                }
                if (timed && deadline - core.now() <= 0) {
                    return TIMED_OUT;
                }
                w = core.newWaiter();
                receivers.add(w);
            } finally {
                lock.unlock();
            }
            receivers.await(lock, w, core, timed, deadline, "receiving from a channel");
        }
    }

    private void enqueue(T item) {
        items[(head + count) % items.length] = item;
        count++;
        receivers.signalOne();
    }

    @SuppressWarnings("unchecked")
    private T dequeue() {
        T item = (T) items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count--;
        senders.signalOne();
        return item;
    }

    private void failIfClosed() {
        if (closed) {
            throw new ChannelClosedException("channel is closed");
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int capacity() {
        return items.length;
    }

    @Override
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            senders.signalAll();
            receivers.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Iterates until the channel is closed and drained; {@code next()} blocks like {@link #receive()}. */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = receiveOrEnd(false, 0);
                }
                return next != null;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("channel is closed and drained");
                }
                Object item = next;
                next = null;
                return (T) item;
            }
        };
    }
}
