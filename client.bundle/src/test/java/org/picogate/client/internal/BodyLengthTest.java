package org.picogate.client.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.picogate.client.internal.ClientFixture.assertPoolClean;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.client.BodyTooLargeException;
import org.picogate.client.SessionOptions;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;

/**
 * {@code bytes()} sizes and limits a body by its framing, not by the {@code Content-Length} field, which a HEAD
 * answer or a chunked one may carry with any value (found by the response fuzz test: {@code Content-Length: -12000}
 * on a HEAD answer threw an IllegalArgumentException).
 */
class BodyLengthTest {
    private final TestScheduler scheduler = TestScheduler.start(VirtualClock.create(), "length-test");
    private CannedStreams streams;
    private SessionImpl session;

    @AfterEach
    void close() {
        session.close();
        streams.closeAll();
        scheduler.close();
    }

    private void answering(String answer) {
        streams = new CannedStreams(scheduler, answer.getBytes(ISO_8859_1));
        session = new SessionImpl(SessionOptions.defaults().withMaxBodyBytes(1024), scheduler, streams, () -> { });
    }

    @Test
    void aHeadAnswerWithANegativeLengthHasAnEmptyBody() throws IOException {
        answering("HTTP/1.1 200 OK\r\nContent-Length: -12000\r\n\r\n");
        assertThat(session.request("HEAD", "http://device.local/").send().bytes()).isEmpty();
        assertPoolClean(session);
    }

    @Test
    void aHeadAnswerWithALengthOverTheLimitHasAnEmptyBodyNotATooLargeOne() throws IOException {
        answering("HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n");
        assertThat(session.request("HEAD", "http://device.local/").send().bytes()).isEmpty();
        assertThat(session.stats().idle()).isEqualTo(1);
    }

    @Test
    void aChunkedBodyIsReadWhateverItsContentLengthField() throws IOException {
        answering("HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n");
        assertThat(session.get("http://device.local/").text()).isEqualTo("hello");
        assertPoolClean(session);
    }

    @Test
    void aFramedLengthOverTheLimitIsRefusedBeforeReading() throws IOException {
        answering("HTTP/1.1 200 OK\r\nContent-Length: 2048\r\n\r\n" + "x".repeat(2048));
        assertThatThrownBy(() -> session.get("http://device.local/").bytes())
                .isInstanceOf(BodyTooLargeException.class);
        assertPoolClean(session);
    }
}
