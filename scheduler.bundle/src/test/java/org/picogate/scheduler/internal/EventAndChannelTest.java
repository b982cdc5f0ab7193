package org.picogate.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.scheduler.Channel;
import org.picogate.scheduler.ChannelClosedException;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;

class EventAndChannelTest {
    private final VirtualClock clock = VirtualClock.create();
    private final TestScheduler scheduler = TestScheduler.start(clock, "sync-test");
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void eventWakesEveryWaiterAndStaysSetUntilCleared() throws Exception {
        Event event = scheduler.event();
        List<Task<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "w" + i;
            waiters.add(scheduler.spawn(name, () -> {
                event.await();
                log.add(name);
            }));
        }
        clock.advance(Duration.ZERO);
        assertEquals(List.of(), log);
        event.set();
        for (Task<Void> w : waiters) {
            w.join();
        }
        assertEquals(5, log.size());
        assertTrue(event.await(Duration.ZERO));
        event.clear();
        assertFalse(event.isSet());
    }

    @Test
    void timedEventWaitReturnsFalseOnTimeout() throws Exception {
        Event event = scheduler.event();
        Task<Boolean> t = scheduler.spawn("waiter", () -> event.await(Duration.ofSeconds(3)));
        clock.advance(Duration.ofSeconds(3));
        assertFalse(t.join());
        Task<Boolean> u = scheduler.spawn("waiter2", () -> event.await(Duration.ofSeconds(3)));
        clock.advance(Duration.ofSeconds(1));
        event.set();
        assertTrue(u.join());
    }

    @Test
    void senderBlocksWhileTheChannelIsFull() throws Exception {
        Channel<Integer> channel = scheduler.channel(2);
        Task<Void> producer = scheduler.spawn("producer", () -> {
            for (int i = 0; i < 5; i++) {
                channel.send(i);
                log.add("sent " + i);
            }
        });
        clock.advance(Duration.ZERO);
        assertEquals(List.of("sent 0", "sent 1"), log);
        assertEquals(2, channel.size());
        assertEquals(0, channel.receive());
        clock.advance(Duration.ZERO);
        assertEquals(List.of("sent 0", "sent 1", "sent 2"), log);
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rest.add(channel.receive());
        }
        producer.join();
        assertEquals(List.of(1, 2, 3, 4), rest);
    }

    @Test
    void closeLetsReceiversDrainThenEndsIteration() throws Exception {
        Channel<String> channel = scheduler.channel(10);
        Task<List<String>> consumer = scheduler.spawn("consumer", () -> {
            List<String> got = new ArrayList<>();
            for (String item : channel) {
                got.add(item);
            }
            return got;
        });
        channel.send("a");
        channel.send("b");
        channel.close();
        channel.close(); // idempotent
        assertEquals(List.of("a", "b"), consumer.join());
        assertThrows(ChannelClosedException.class, () -> channel.receive());
        assertEquals("channel is closed", assertThrows(ChannelClosedException.class,
                () -> channel.send("c")).getMessage());
        assertTrue(channel.isClosed());
    }

    @Test
    void closeFailsBlockedSenders() {
        Channel<String> channel = scheduler.channel(1);
        channel.send("fills it");
        Task<Void> sender = scheduler.spawn("sender", () -> channel.send("blocked"));
        clock.advance(Duration.ZERO);
        channel.close();
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                sender::join);
        assertTrue(e.getCause() instanceof ChannelClosedException);
    }

    @Test
    void timedSendAndReceiveFollowTheClock() throws Exception {
        Channel<String> channel = scheduler.channel(1);
        Task<String> receiver = scheduler.spawn("receiver", () -> {
            try {
                return channel.receive(Duration.ofSeconds(2));
            } catch (TimeoutException e) {
                return e.getMessage();
            }
        });
        clock.advance(Duration.ofSeconds(2));
        assertEquals("no item received within PT2S", receiver.join());
        assertTrue(channel.trySend("x"));
        assertFalse(channel.trySend("y"));
        Task<Boolean> sender = scheduler.spawn("sender", () -> channel.send("y", Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(sender.join());
        assertEquals("x", channel.tryReceive());
        assertNull(channel.tryReceive());
    }

    @Test
    void cancelledReceiverLeavesTheItemForTheNext() throws Exception {
        Channel<String> channel = scheduler.channel(1);
        Task<String> first = scheduler.spawn("first", () -> channel.receive());
        Task<String> second = scheduler.spawn("second", () -> channel.receive());
        clock.advance(Duration.ZERO);
        first.cancel();
        assertThrows(CancellationException.class, first::join);
        channel.send("only");
        assertEquals("only", second.join());
    }

    @Test
    void nullItemsAreRejected() {
        Channel<String> channel = scheduler.channel(1);
        assertEquals("item", assertThrows(NullPointerException.class, () -> channel.send(null)).getMessage());
    }

    @Test
    void manyProducersAndConsumersLoseNothingOnRealTime() throws Exception {
        try (TestScheduler real = TestScheduler.start(org.picogate.scheduler.Clock.system(), "real")) {
            Channel<Integer> channel = real.channel(8);
            List<Task<Long>> consumers = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                consumers.add(real.spawn("consumer" + c, () -> {
                    long sum = 0;
                    for (int item : channel) {
                        sum += item;
                    }
                    return sum;
                }));
            }
            List<Task<Void>> producers = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                int base = p * 10_000;
                producers.add(real.spawn("producer" + p, () -> {
                    for (int i = 1; i <= 10_000; i++) {
                        channel.send(base + i);
                    }
                }));
            }
            for (Task<Void> p : producers) {
                p.join();
            }
            channel.close();
            long total = 0;
            for (Task<Long> c : consumers) {
                total += c.join();
            }
            long n = 40_000;
            assertEquals(n * (n + 1) / 2, total);
        }
    }
}
