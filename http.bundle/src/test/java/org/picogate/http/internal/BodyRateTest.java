package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.http.internal.HttpTestConnection.Reply;
import org.picogate.scheduler.Task;

/**
 * The minimum body rate ({@link TimedBodyStream}): a slow-body attacker that trickles a byte at a time, each well
 * within the idle timeout, is cut once the idle timeout of waiting has passed without 64 KiB arriving; an upload
 * that brings 64 KiB per timeout is read to its end however long it takes. On an in-memory pipe and virtual time.
 */
@Timeout(60) // only so that a hang fails the build; nothing here measures wall time
class BodyRateTest {
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    private final HttpLimits limits = new HttpLimits(8192, 16384, 100, 1 << 20, Duration.ofSeconds(10),
            IDLE_TIMEOUT, 100);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong failedAt = new AtomicLong(-1);
    private HttpTestConnection http;

    @BeforeEach
    void start() {
        http = new HttpTestConnection("body-rate-test", () -> limits, () -> (req, resp) -> {
            try {
                resp.send("read " + req.body().length);
            } catch (IOException e) {
                failedAt.set(http.clock.nanoTime());
                failure.set(e);
                throw e;
            }
        });
    }

    @AfterEach
    void stop() {
        http.close();
    }

    /**
     * The trickling client is a task on the server's scheduler and auto-jump moves time only when both wait, so
     * every read of the server waits exactly the 5 s between two bytes: the cut comes at 30 s of waiting.
     */
    @Test
    void aBodyTrickledAByteEveryFiveSecondsIsCutAtTheIdleTimeout() throws Exception {
        Task<Void> trickler = http.scheduler().spawn("trickler", () -> {
            try {
                http.send("POST /upload HTTP/1.1\r\nHost: gw\r\nContent-Length: 1000\r\n\r\n");
                while (true) {
                    http.scheduler().sleep(Duration.ofSeconds(5));
                    http.send("x");
                }
            } catch (IOException cut) {
                // the server cut the connection
            }
        });
        http.clock.autoJump();

        try {
            http.server.join();
        } catch (ExecutionException answerFailedToo) {
            // the 500 for the failed handler cannot go out on the cut connection
        }
        trickler.join();

        assertThat(failedAt.get()).as("virtual time of the cut").isEqualTo(IDLE_TIMEOUT.toNanos());
        assertThat(failure.get()).hasMessageContaining("less than 65536 bytes of its body in 30000 ms");
    }

    @Test
    void anUploadThatBrings64KiBPerTimeoutIsReadToItsEnd() throws Exception {
        int windows = 4;
        int length = windows * TimedBodyStream.WINDOW;
        http.send("POST /upload HTTP/1.1\r\nHost: gw\r\nContent-Length: " + length + "\r\n\r\n");
        String window = "y".repeat(TimedBodyStream.WINDOW);
        for (int i = 0; i < windows; i++) {
            http.clock.advance(IDLE_TIMEOUT.minusSeconds(1)); // 29 s of nothing, then a whole window at once
            http.send(window);
        }

        Reply r = http.read();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("read " + length);
        assertThat(failure.get()).isNull();
    }
}
