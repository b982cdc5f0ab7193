package org.picogate.streams.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.IncompleteReadException;
import org.picogate.streams.LimitExceededException;
import org.picogate.streams.ReadTimeoutException;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamState;

/**
 * The behaviour every {@link Stream} implementation must show (like Trio's {@code check_two_way_stream}).
 * Subclass it and implement {@link #connect(Scheduler)} to run the whole kit against an implementation.
 *
 * <p>The kit runs on a {@link VirtualClock}: read timeouts are tested by advancing it, without waiting.
 */
public abstract class StreamConformanceTest {

    /** Two connected streams; {@link #close()} releases whatever the test setup holds (a server, say). */
    public record Connection(Stream left, Stream right, AutoCloseable resources) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            left.abort();
            right.abort();
            resources.close();
        }
    }

    protected VirtualClock clock;
    protected TestScheduler scheduler;
    private Connection connection;
    protected Stream left;
    protected Stream right;

    /** Connects two streams whose waits and timeouts use {@code scheduler}. */
    protected abstract Connection connect(Scheduler scheduler) throws Exception;

    @BeforeEach
    void connectPair() throws Exception {
        clock = VirtualClock.create().settleTimeout(Duration.ofMillis(20));
        scheduler = TestScheduler.start(clock, "conformance");
        connection = connect(scheduler);
        left = connection.left();
        right = connection.right();
    }

    @AfterEach
    void release() throws Exception {
        connection.close();
        scheduler.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void send(Stream s, String text) throws IOException {
        s.write(bytes(text));
        s.drain();
    }

    @Test
    void bytesArriveInOrderBothWays() throws Exception {
        send(left, "ping");
        assertArrayEquals(bytes("ping"), right.readExactly(4));
        send(right, "pong!");
        assertArrayEquals(bytes("pong!"), left.readExactly(5));
        assertEquals(4, left.bytesOut());
        assertEquals(5, left.bytesIn());
    }

    @Test
    void readLineSplitsOnLfAndCrLfAndReturnsALastLineWithoutEnd() throws Exception {
        send(left, "GET / HTTP/1.1\r\nHost: x\n\r\nlast");
        left.shutdownOutput();
        assertEquals("GET / HTTP/1.1", right.readLine(100));
        assertEquals("Host: x", right.readLine(100));
        assertEquals("", right.readLine(100));
        assertEquals("last", right.readLine(100));
        assertNull(right.readLine(100));
    }

    @Test
    void lineLongerThanItsLimitFailsAndLosesNothing() throws Exception {
        send(left, "0123456789abcdef\n");
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> right.readLine(8));
        assertEquals(8, e.limit());
        assertEquals("0123456789abcdef", right.readLine(100));
    }

    @Test
    void endlessLineIsCutOffAtItsLimit() throws Exception {
        Task<Void> flood = scheduler.spawn("flood", () -> {
            byte[] junk = new byte[4096];
            Arrays.fill(junk, (byte) 'x');
            try {
                while (true) {
                    left.write(junk);
                }
            } catch (IOException stopped) {
                // the reader gave up and aborted
            }
        });
        assertThrows(LimitExceededException.class, () -> right.readLine(65536));
        right.abort();
        flood.join();
    }

    @Test
    void readUntilIncludesTheSeparator() throws Exception {
        send(left, "a--b--");
        assertArrayEquals(bytes("a--"), right.readUntil(bytes("--"), 10));
        assertArrayEquals(bytes("b--"), right.readUntil(bytes("--"), 10));
        send(left, "no separator");
        left.shutdownOutput();
        IncompleteReadException e = assertThrows(IncompleteReadException.class,
                () -> right.readUntil(bytes("--"), 100));
        assertArrayEquals(bytes("no separator"), e.partial());
    }

    @Test
    void readUntilFindsASeparatorSplitAcrossReads() throws Exception {
        Task<Object> writer = scheduler.spawn("writer", () -> {
            for (String piece : new String[] { "abc\r", "\n\r", "\ndef" }) {
                send(left, piece); // separate writes: separate reads on a pipe, maybe one on TCP
            }
            return null;
        });
        assertArrayEquals(bytes("abc\r\n\r\n"), right.readUntil(bytes("\r\n\r\n"), 100));
        writer.join();
    }

    @Test
    void readExactlyReportsWhatArrivedBeforeAnEarlyEnd() throws Exception {
        send(left, "12345");
        left.shutdownOutput();
        IncompleteReadException e = assertThrows(IncompleteReadException.class, () -> right.readExactly(10));
        assertArrayEquals(bytes("12345"), e.partial());
        assertEquals(10, e.expected());
    }

    @Test
    void readOfUpToNBytesIsEmptyAtEnd() throws Exception {
        send(left, "abc");
        left.shutdownOutput();
        assertArrayEquals(bytes("ab"), right.read(2));
        assertArrayEquals(bytes("c"), right.read(10));
        assertEquals(0, right.read(10).length);
        assertEquals(-1, right.read(ByteBuffer.allocate(4)));
    }

    @Test
    void megabytesFlowBothWaysAtOnceWithoutDeadlock() throws Exception {
        byte[] payload = new byte[1 << 20];
        new Random(7).nextBytes(payload);
        Task<byte[]> leftReads = scheduler.spawn("left-reader", () -> left.readExactly(payload.length));
        Task<byte[]> rightReads = scheduler.spawn("right-reader", () -> right.readExactly(payload.length));
        Task<Object> leftWrites = scheduler.spawn("left-writer", () -> {
            left.write(ByteBuffer.wrap(payload, 0, 1000), ByteBuffer.wrap(payload, 1000, payload.length - 1000));
            left.drain();
            return null;
        });
        for (int off = 0; off < payload.length; off += 8192) {
            right.write(Arrays.copyOfRange(payload, off, off + 8192));
        }
        right.drain();
        leftWrites.join();
        assertArrayEquals(payload, rightReads.join());
        assertArrayEquals(payload, leftReads.join());
    }

    @Test
    void halfCloseLetsTheOtherDirectionGoOn() throws Exception {
        send(left, "request");
        left.shutdownOutput();
        assertEquals(StreamState.OUTPUT_SHUT, left.state());
        IOException e = assertThrows(IOException.class, () -> left.write(bytes("more")));
        assertTrue(e.getMessage().contains("shut down"), e.getMessage());

        assertArrayEquals(bytes("request"), right.readExactly(7));
        assertEquals(0, right.read(1).length);
        assertEquals(StreamState.INPUT_EOF, right.state());
        assertEquals(0, right.read(1).length); // EOF again, not an error

        send(right, "response");
        right.shutdownOutput();
        assertEquals(StreamState.CLOSED, right.state()); // both directions ended: released

        assertArrayEquals(bytes("response"), left.readExactly(8));
        assertEquals(0, left.read(1).length);
        assertEquals(StreamState.CLOSED, left.state());
    }

    @Test
    void closeDeliversEverythingWrittenThenEnd() throws Exception {
        byte[] payload = new byte[100_000];
        new Random(3).nextBytes(payload);
        Task<byte[]> reader = scheduler.spawn("reader", () -> {
            byte[] all = right.readExactly(payload.length);
            assertEquals(0, right.read(1).length);
            right.close();
            return all;
        });
        left.write(payload);
        left.close();
        assertEquals(StreamState.CLOSED, left.state());
        assertArrayEquals(payload, reader.join());
        assertEquals(StreamState.CLOSED, right.state());
    }

    @Test
    void closingOrAbortingTwiceIsHarmlessAndReadingAfterwardsFails() throws Exception {
        Task<Object> peer = scheduler.spawn("peer", () -> {
            right.read(1);
            right.close();
            return null;
        });
        left.close();
        left.close();
        left.abort();
        assertEquals(StreamState.CLOSED, left.state());
        assertThrows(IOException.class, () -> left.read(1));
        assertThrows(IOException.class, () -> left.write(bytes("x")));
        peer.join();
    }

    @Test
    void abortResetsThePeer() throws Exception {
        Task<byte[]> reader = scheduler.spawn("reader", () -> right.readExactly(10));
        send(left, "abc");
        left.abort();
        assertEquals(StreamState.ABORTED, left.state());
        ExecutionException e = assertThrows(ExecutionException.class, reader::join);
        assertInstanceOf(IOException.class, e.getCause());
        assertEquals(StreamState.ABORTED, right.state());
    }

    @Test
    void peerThatNeverReadsBlocksTheWriterWithoutUnboundedBuffering() throws Exception {
        long total = 256L << 20;
        Task<Long> writer = scheduler.spawn("writer", () -> {
            byte[] chunk = new byte[65536];
            long sent = 0;
            try {
                while (sent < total) {
                    left.write(chunk);
                    sent += chunk.length;
                }
            } catch (IOException resetByPeer) {
                // expected once the peer aborts
            }
            return sent;
        });
        clock.advance(Duration.ZERO); // lets the writer fill every buffer on the way and block
        right.abort();
        assertTrue(writer.join() < total, "the writer was not held back");
    }

    @Test
    void readTimeoutFollowsTheSchedulerClockAndAbortsTheStream() throws Exception {
        right.readTimeout(Duration.ofSeconds(30));
        Task<Object> reader = scheduler.spawn("reader", () -> right.read(1));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(Task.State.RUNNING, reader.state());
        clock.advance(Duration.ofSeconds(1));
        ExecutionException e = assertThrows(ExecutionException.class, reader::join);
        ReadTimeoutException timeout = assertInstanceOf(ReadTimeoutException.class, e.getCause());
        assertEquals(Duration.ofSeconds(30), timeout.timeout());
        assertEquals(StreamState.ABORTED, right.state());
    }

    @Test
    void dataInTimeDoesNotTimeOut() throws Exception {
        right.readTimeout(Duration.ofSeconds(30));
        Task<byte[]> reader = scheduler.spawn("reader", () -> right.readExactly(2));
        clock.advance(Duration.ofSeconds(20));
        send(left, "o");
        clock.advance(Duration.ofSeconds(20));
        send(left, "k");
        assertArrayEquals(bytes("ok"), reader.join());
    }

    @Test
    void cancellingABlockedReaderAbortsItsStream() throws Exception {
        Task<Object> reader = scheduler.spawn("reader", () -> right.read(1));
        clock.advance(Duration.ZERO);
        reader.cancel();
        assertEquals(Task.State.CANCELLED, waitEnd(reader));
        assertEquals(StreamState.ABORTED, right.state());
    }

    private static Task.State waitEnd(Task<?> t) {
        try {
            t.join();
        } catch (Exception ended) {
            // the state tells
        }
        return t.state();
    }

    @Test
    void fileTransferArrivesAfterWhatWasBuffered() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("conformance", ".bin");
        try {
            byte[] content = new byte[200_000];
            new Random(11).nextBytes(content);
            java.nio.file.Files.write(file, content);
            Task<byte[]> reader = scheduler.spawn("reader", () -> right.readExactly(5 + 100_000));
            left.write(bytes("head:"));
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
                assertEquals(100_000, left.transferFrom(channel, 50_000, 100_000));
                assertEquals(10, left.transferFrom(channel, content.length - 10, 1000)); // stops at the end
            }
            byte[] got = reader.join();
            assertArrayEquals(bytes("head:"), Arrays.copyOf(got, 5));
            assertArrayEquals(Arrays.copyOfRange(content, 50_000, 150_000), Arrays.copyOfRange(got, 5, got.length));
            assertArrayEquals(Arrays.copyOfRange(content, content.length - 10, content.length),
                    right.readExactly(10));
            assertEquals(5 + 100_010, left.bytesOut());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void awaitInputTellsAnIdleStreamFromOneWithInputWithoutTakingIt() throws Exception {
        Task<Boolean> waiter = scheduler.spawn("waiter", () -> right.awaitInput());
        send(left, "x");
        assertTrue(waiter.join());
        assertArrayEquals(bytes("x"), right.read(10));
        left.shutdownOutput();
        assertEquals(false, right.awaitInput());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> right.readLine(0));
        assertThrows(IllegalArgumentException.class, () -> right.readExactly(-1));
        assertThrows(IllegalArgumentException.class, () -> right.readUntil(new byte[0], 10));
        assertThrows(NullPointerException.class, () -> left.write((byte[]) null));
        assertThrows(IllegalArgumentException.class, () -> right.readTimeout(Duration.ofSeconds(-1)));
    }
}
