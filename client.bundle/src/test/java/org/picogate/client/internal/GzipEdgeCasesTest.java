package org.picogate.client.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.picogate.client.internal.ClientFixture.assertPoolClean;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.client.ClientResponse;
import org.picogate.client.HttpProtocolException;
import org.picogate.client.SessionOptions;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;

/**
 * Gzip bodies the response fuzz test found mishandled: an answer without a body that names gzip, and a gzip stream
 * longer than its framed body, both of which ended in a bare {@link java.io.EOFException} from the JDK's decoder.
 */
class GzipEdgeCasesTest {
    private final TestScheduler scheduler = TestScheduler.start(VirtualClock.create(), "gzip-test");
    private CannedStreams streams;
    private SessionImpl session;

    @AfterEach
    void close() {
        session.close();
        streams.closeAll();
        scheduler.close();
    }

    private SessionImpl answering(String head, byte[] body) {
        byte[] answer = Arrays.copyOf(head.getBytes(ISO_8859_1), head.length() + body.length);
        System.arraycopy(body, 0, answer, head.length(), body.length);
        streams = new CannedStreams(scheduler, answer);
        session = new SessionImpl(SessionOptions.defaults().withAcceptGzip(true), scheduler, streams, () -> { });
        return session;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void aHeadAnswerNamingGzipHasAnEmptyBody() throws IOException {
        answering("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 1234\r\n\r\n", new byte[0]);
        ClientResponse response = session.request("HEAD", "http://device.local/").send();
        assertThat(response.bytes()).isEmpty();
        assertThat(response.body().read()).isEqualTo(-1);
        assertPoolClean(session);
        assertThat(session.stats().idle()).as("kept for the next request").isEqualTo(1);
    }

    @Test
    void aNoContentAnswerNamingGzipHasAnEmptyBody() throws IOException {
        answering("HTTP/1.1 204 No Content\r\nContent-Encoding: gzip\r\n\r\n", new byte[0]);
        assertThat(session.get("http://device.local/").text()).isEmpty();
        assertPoolClean(session);
    }

    @Test
    void aGzipStreamCutWithinItsFramedBodyIsAProtocolError() throws IOException {
        byte[] whole = gzip("sensor 7: 22.5 C\n".repeat(40));
        byte[] cut = Arrays.copyOf(whole, whole.length - 6); // without most of its trailer
        answering("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + cut.length + "\r\n\r\n", cut);
        assertThatThrownBy(() -> session.get("http://device.local/").bytes())
                .isInstanceOf(HttpProtocolException.class)
                .hasMessageContaining("ends within its gzip stream");
        assertPoolClean(session);
        assertThat(session.stats().idle()).as("its framed body was read whole: the connection is kept")
                .isEqualTo(1);
    }

    @Test
    void aSingleByteReadOfAGarbledBodyIsAProtocolErrorToo() throws IOException {
        answering("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 9\r\n\r\n", "not gzip!".getBytes(UTF_8));
        ClientResponse response = session.get("http://device.local/");
        assertThatThrownBy(() -> response.body().read()).isInstanceOf(HttpProtocolException.class)
                .hasMessageContaining("not gzip");
        assertPoolClean(session);
    }
}
