package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.picogate.http.Handler;

/**
 * The send timeout ({@link SendTimeoutStream}, the idle timeout applied to writes): a client that asks for a large
 * answer and never reads it is cut once a write has waited the idle timeout; one that reads slowly but steadily
 * gets the whole answer however long it takes. On an in-memory pipe (about 1 MiB in flight, like a socket's
 * buffers) and virtual time.
 */
@Timeout(60) // only so that a hang fails the build; nothing here measures wall time
class SendTimeoutTest {
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final int ANSWER = 3 << 20; // three times what the pipe holds
    /** What may be on the way once the server's last write returned: the pipe's 1 MiB, a slice, the read buffer. */
    private static final int IN_FLIGHT = (1 << 20) + 2 * SendTimeoutStream.SLICE;
    private final HttpLimits limits = new HttpLimits(8192, 16384, 100, 1024, Duration.ofSeconds(10), IDLE_TIMEOUT,
            100);
    private final AtomicReference<Handler> handler = new AtomicReference<>();
    private final AtomicReference<Throwable> handlerFailure = new AtomicReference<>();
    private final AtomicLong failedAt = new AtomicLong(-1);
    private HttpTestConnection http;

    @TempDir
    Path dir;

    private void start(Handler h) {
        handler.set(h);
        http = new HttpTestConnection("send-timeout-test", () -> limits, () -> (req, resp) -> {
            try {
                handler.get().handle(req, resp);
            } catch (Exception | Error e) {
                failedAt.set(http.clock.nanoTime());
                handlerFailure.set(e);
                throw e;
            }
        });
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    /** Made once: filling it inside a handler would take real time while virtual time stands still. */
    private static final byte[] ANSWER_BYTES = answer();

    private static byte[] answer() {
        byte[] body = new byte[ANSWER];
        Arrays.fill(body, (byte) 'x');
        return body;
    }

    /**
     * Auto-jump moves time only once every task is blocked, here the server in a write the client never takes:
     * the cut then comes exactly when the deadline set at that write passes, virtual time 0 + the idle timeout.
     */
    @Test
    void aClientThatNeverReadsALargeAnswerIsCutAfterTheIdleTimeout() throws Exception {
        start((req, resp) -> resp.send(ANSWER_BYTES));
        http.send("GET /big HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(http.client.readLine(100)).startsWith("HTTP/1.1 200"); // writing; then nothing is read
        http.clock.autoJump();

        assertCutAtTheIdleTimeout();
    }

    private void assertCutAtTheIdleTimeout() throws Exception {
        awaitEnd();
        assertThat(failedAt.get()).as("virtual time of the cut").isEqualTo(IDLE_TIMEOUT.toNanos());
        assertThat(handlerFailure.get()).isInstanceOf(IOException.class)
                .hasMessageContaining("took no more of the answer for 30000 ms");
    }

    /** Waits (in real time, bounded by the class timeout) for the connection's task to end. */
    private void awaitEnd() {
        try {
            http.server.join();
        } catch (ExecutionException failedToo) {
            // ended all the same: how is what the caller checks
        }
    }

    @Test
    void aClientThatReadsSlowlyButSteadilyGetsTheWholeAnswer() throws Exception {
        start((req, resp) -> resp.send(ANSWER_BYTES));
        http.send("GET /big HTTP/1.1\r\nHost: gw\r\n\r\n");
        long read = readSlowly();
        assertThat(read).isEqualTo(ANSWER);
        assertThat(handlerFailure.get()).isNull();
    }

    @Test
    void aFileAnswerIsSlicedTooSoASteadySlowReaderGetsItAll() throws Exception {
        Path file = Files.write(dir.resolve("big.bin"), ANSWER_BYTES);
        start((req, resp) -> resp.sendFile(file));
        http.send("GET /big.bin HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(readSlowly()).isEqualTo(ANSWER);
        assertThat(handlerFailure.get()).isNull();
    }

    @Test
    void aClientThatNeverReadsAFileAnswerIsCutAfterTheIdleTimeout() throws Exception {
        Path file = Files.write(dir.resolve("big.bin"), ANSWER_BYTES);
        start((req, resp) -> resp.sendFile(file));
        http.send("GET /big.bin HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(http.client.readLine(100)).startsWith("HTTP/1.1 200");
        http.clock.autoJump();

        assertCutAtTheIdleTimeout();
    }

    /**
     * Reads the head, then the body 64 KiB at a time, letting just under the idle timeout pass before each while
     * the server must still be writing; the last {@link #IN_FLIGHT} bytes may already have left the server, whose
     * idle timeout between requests then runs, so they are read at once.
     */
    private long readSlowly() throws IOException {
        String status = http.client.readLine(100);
        assertThat(status).startsWith("HTTP/1.1 200");
        long length = -1;
        for (String line = http.client.readLine(1000); !line.isEmpty(); line = http.client.readLine(1000)) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        assertThat(length).isEqualTo(ANSWER);
        long read = 0;
        while (read < length) {
            if (length - read > IN_FLIGHT) { // the server is still writing: only then is the client slow
                http.clock.advance(IDLE_TIMEOUT.minusSeconds(1)); // a cut would end the reads below in an IOException
            }
            byte[] part = http.client.readExactly((int) Math.min(SendTimeoutStream.SLICE, length - read));
            assertThat(new String(part, 0, 1, StandardCharsets.US_ASCII)).isEqualTo("x");
            read += part.length;
        }
        return read;
    }
}
