package org.picogate.client.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.picogate.client.internal.ClientFixture.assertPoolClean;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.picogate.client.BodyTooLargeException;
import org.picogate.client.ClientResponse;
import org.picogate.client.HttpProtocolException;
import org.picogate.client.ServerDisconnectedException;
import org.picogate.client.SessionOptions;
import org.picogate.client.TooManyRedirectsException;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.Stream;
import org.picogate.streams.testing.Pipe;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz tests of what the client reads from a server: the status line and header section, the framing
 * (Content-Length, chunked, until close, none), the chunked decoder, gzip decoding, and the whole exchange as a
 * session runs it (interim heads, redirects, keep-alive reuse, the body limit). Every input must end in a value
 * within the limits or one of the client's documented exceptions (protocol error, server disconnect, body too
 * large, too many redirects); anything else is a finding, and so is a connection left busy in the pool. No
 * input can hang a target: the bytes come through an in-memory {@link Pipe} that ends after them, and the virtual
 * clock never fires a timeout.
 *
 * <p>In {@code ./mvnw verify} they run in regression mode over the inputs in
 * {@code src/test/resources/org/picogate/client/internal/ResponseParsersFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} one of them fuzzes for its {@code maxDuration} (README, "Robustness").
 */
class ResponseParsersFuzzTest {
    /** Bytes an input may be: below the pipe's backpressure (1 MiB), above every limit of the head parser. */
    private static final int MAX_INPUT = 96 * 1024;
    /** The sessions' body limit: small, so that a gzip bomb of a few hundred bytes reaches it. */
    private static final long MAX_BODY = 16 * 1024;
    private static final URI URL = URI.create("http://device.local/x");

    private static final TestScheduler SCHEDULER = TestScheduler.start(VirtualClock.create(), "client-fuzz");

    @AfterAll
    static void stop() {
        SCHEDULER.close();
    }

    /** The head parser, then the framing rules on the head it read. */
    @FuzzTest(maxDuration = "10m")
    void responseHead(byte[] input) throws Exception {
        try (Pipe pipe = answered(input)) {
            ResponseHead head;
            try {
                head = ResponseHeadReader.read(pipe.left(), URL);
            } catch (HttpProtocolException e) {
                return;
            }
            if (head == null) {
                assertThat(input).as("no head only for no input").isEmpty();
                return;
            }
            assertThat(head.status()).isBetween(100, 999);
            assertThat(head.reason()).doesNotContain("\r", "\n", "\0");
            assertThat(head.headers().size()).isLessThanOrEqualTo(ResponseHeadReader.MAX_FIELDS);
            for (String method : List.of("GET", "HEAD")) {
                try {
                    BodyFraming framing = BodyFraming.of(method, head, URL);
                    if (framing.kind() == BodyFraming.Kind.FIXED) {
                        assertThat(framing.length()).isPositive();
                    }
                } catch (HttpProtocolException e) {
                    // a Content-Length or Transfer-Encoding that cannot be read
                }
            }
        }
    }

    /** The chunked decoder alone: the input is what follows a head with {@code Transfer-Encoding: chunked}. */
    @FuzzTest(maxDuration = "10m")
    void chunkedBody(byte[] input) throws Exception {
        try (Pipe pipe = answered(input)) {
            Events events = new Events();
            ChunkedBody body = new ChunkedBody(pipe.left(), events, URL);
            try {
                byte[] data = body.readAllBytes();
                assertThat(data.length).isLessThan(input.length);
                assertThat(events.outcomes).containsExactly("completed reusable");
                assertThat(body.read()).as("the end stays the end").isEqualTo(-1);
            } catch (HttpProtocolException | BodyCutShortException e) {
                assertThat(events.outcomes).containsExactly("failed " + e.getClass().getSimpleName());
                assertThatFailureSticks(body, e);
            }
        }
    }

    /** Gzip decoding of a body of exactly the input's length, read by {@code bytes()} and by {@code body()}. */
    @FuzzTest(maxDuration = "10m")
    void gzipBody(byte[] input) throws Exception {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + input.length + "\r\n\r\n")
                .getBytes(ISO_8859_1);
        byte[] answer = Arrays.copyOf(head, head.length + input.length);
        System.arraycopy(input, 0, answer, head.length, input.length);
        SessionOptions options = SessionOptions.defaults().withAcceptGzip(true).withMaxBodyBytes(MAX_BODY);
        for (boolean streamed : new boolean[] { false, true }) {
            CannedStreams streams = new CannedStreams(SCHEDULER, answer);
            SessionImpl session = new SessionImpl(options, SCHEDULER, streams, () -> { });
            try {
                ClientResponse response = session.get("http://device.local/data");
                try {
                    long length = streamed ? drain(response.body()) : response.bytes().length;
                    if (!streamed) {
                        assertThat(length).isLessThanOrEqualTo(MAX_BODY);
                    }
                } catch (HttpProtocolException | BodyTooLargeException e) {
                    // not gzip, corrupt, cut short within the body, or decoding past the limit
                } finally {
                    response.close();
                }
                assertPoolClean(session);
            } finally {
                session.close();
                streams.closeAll();
            }
        }
    }

    /**
     * A whole exchange on a session, then a second request on the same session, which reuses the connection when
     * the first answer left it open: it reads what follows the first answer (a pipelined answer). The first byte
     * chooses the options: bit 0 HEAD, bit 1 gzip, bit 2 follow redirects, bits 3-4 how the body is read
     * ({@code bytes}, {@code text}, {@code json}, the {@code body()} stream).
     */
    @FuzzTest(maxDuration = "10m")
    void exchange(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        int mode = input[0] & 0xff;
        byte[] answer = Arrays.copyOfRange(input, 1, Math.min(input.length, MAX_INPUT));
        SessionOptions options = SessionOptions.defaults().withMaxBodyBytes(MAX_BODY)
                .withAcceptGzip((mode & 2) != 0).withMaxRedirects((mode & 4) != 0 ? 2 : 0);
        CannedStreams streams = new CannedStreams(SCHEDULER, answer);
        SessionImpl session = new SessionImpl(options, SCHEDULER, streams, () -> { });
        try {
            for (int request = 0; request < 2; request++) {
                String method = (mode & 1) != 0 ? "HEAD" : "GET";
                ClientResponse response;
                try {
                    response = session.request(method, "http://device.local/r" + request).send();
                } catch (HttpProtocolException | ServerDisconnectedException | TooManyRedirectsException e) {
                    assertPoolClean(session);
                    continue;
                }
                assertThat(response.status()).isBetween(100, 999);
                try {
                    readBody(response, mode >> 3 & 3);
                } catch (HttpProtocolException | ServerDisconnectedException | BodyTooLargeException e) {
                    // a body that is malformed, cut short or over the limit
                } finally {
                    response.close();
                }
                assertPoolClean(session);
            }
            assertThat(streams.connections()).as("two requests, at most two redirects each, one retry each")
                    .isLessThanOrEqualTo(8);
        } finally {
            session.close();
            streams.closeAll();
        }
    }

    private static void readBody(ClientResponse response, int how) throws IOException {
        switch (how) {
            case 0 -> assertThat((long) response.bytes().length).isLessThanOrEqualTo(MAX_BODY);
            case 1 -> assertThat((long) response.text().length()).isLessThanOrEqualTo(MAX_BODY);
            case 2 -> {
                try {
                    response.json(Map.class);
                } catch (HttpProtocolException | ServerDisconnectedException | BodyTooLargeException e) {
                    throw e;
                } catch (IOException notJson) {
                    assertThat(notJson).hasMessageContaining("is not JSON");
                }
            }
            default -> drain(response.body());
        }
    }

    /** Reads a stream to its end, counting (a gzip bomb may be far longer than memory). */
    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    private static void assertThatFailureSticks(ResponseBody body, IOException failure) {
        try {
            body.read();
            throw new AssertionError("a read after the failure " + failure + " did not fail");
        } catch (IOException again) {
            assertThat(again).isSameAs(failure);
        }
    }

    /** A pipe whose server end wrote {@code input} (at most {@link #MAX_INPUT} bytes) and its end of input. */
    private static Pipe answered(byte[] input) throws IOException {
        Pipe pipe = Pipe.open(SCHEDULER);
        Stream server = pipe.right();
        server.write(input.length > MAX_INPUT ? Arrays.copyOf(input, MAX_INPUT) : input);
        server.shutdownOutput();
        return pipe;
    }

    /** Records what a body told its exchange; translates nothing. */
    private static final class Events implements BodyEvents {
        final List<String> outcomes = new ArrayList<>(1);

        @Override
        public void completed(boolean reusable) {
            outcomes.add("completed" + (reusable ? " reusable" : ""));
        }

        @Override
        public IOException failed(IOException cause, String during) {
            outcomes.add("failed " + cause.getClass().getSimpleName());
            return cause;
        }
    }
}
