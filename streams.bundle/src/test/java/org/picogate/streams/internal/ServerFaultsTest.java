package org.picogate.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.picogate.streams.internal.Loopback.howItEnds;
import static org.picogate.streams.internal.Loopback.sendLine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.scheduler.Channel;
import org.picogate.streams.IncompleteReadException;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.StreamState;

/**
 * Faults on one connection end on that connection: a handler that throws, a peer that resets while the server
 * reads or writes. Each time a second connection is served before, during and after.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerFaultsTest {
    private final Loopback loopback = new Loopback();
    /** What each handler's stream ended with: the exception it saw, with the stream's state. */
    private final Channel<Failure> failures = loopback.scheduler.channel(16);

    record Failure(IOException exception, StreamState state) {
    }

    @AfterEach
    void release() {
        loopback.close();
    }

    /**
     * Serves lines: "boom" makes it throw, "flood" makes it write megabytes until the write fails, "wait"
     * makes it read 1000 bytes that never come; any other line is echoed. An IOException is reported to
     * {@link #failures} before it ends the handler.
     */
    private StreamHandler faultyServer() {
        return s -> {
            try {
                for (String line = s.readLine(1024); line != null; line = s.readLine(1024)) {
                    switch (line) {
                    case "boom" -> throw new IllegalStateException("handler bug");
                    case "flood" -> flood(s);
                    case "wait" -> s.readExactly(1000);
                    default -> sendLine(s, line);
                    }
                }
            } catch (IOException e) {
                failures.send(new Failure(e, s.state()));
                throw e;
            }
        };
    }

    private static void flood(Stream s) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 16 * 1024; i++) { // 1 GiB: far more than the socket buffers hold
            s.write(chunk);
        }
        throw new AssertionError("a gigabyte went to a peer that reset");
    }

    /** A second connection that must keep being served while another one fails. */
    private void assertStillServes(Stream bystander, String line) throws IOException {
        sendLine(bystander, line);
        assertThat(bystander.readLine(100)).isEqualTo(line);
    }

    @Test
    void aHandlerThatThrowsAbortsOnlyItsOwnConnection() throws Exception {
        StreamServerImpl server = loopback.listen(faultyServer());
        Stream bystander = loopback.connect(server.port());
        assertStillServes(bystander, "before");

        Stream victim = loopback.connect(server.port());
        sendLine(victim, "boom");
        assertThat(howItEnds(victim)).isEqualTo("reset");

        assertStillServes(bystander, "after");
        assertStillServes(loopback.connect(server.port()), "a new one");
        assertThat(server.stats().accepted()).isEqualTo(3);
    }

    @Test
    void aPeerResetDuringAReadIsAnIOExceptionOnThatStreamOnly() throws Exception {
        StreamServerImpl server = loopback.listen(faultyServer());
        Stream bystander = loopback.connect(server.port());
        Stream victim = loopback.connect(server.port());
        sendLine(victim, "wait");
        victim.write("only 17 of 1000 ".getBytes(StandardCharsets.UTF_8));
        victim.drain();
        assertStillServes(bystander, "the server is reading"); // and so, in all likelihood, is the victim's handler
        victim.abort();

        Failure failure = failures.receive();
        assertThat(failure.exception()).isNotInstanceOf(IncompleteReadException.class) // a reset, not an EOF
                .hasMessageContaining("reset");
        assertThat(failure.state()).isEqualTo(StreamState.ABORTED);
        assertStillServes(bystander, "after");
    }

    @Test
    void aPeerResetDuringAWriteIsAnIOExceptionOnThatStreamOnly() throws Exception {
        StreamServerImpl server = loopback.listen(faultyServer());
        Stream bystander = loopback.connect(server.port());
        Stream victim = loopback.connect(server.port());
        sendLine(victim, "flood");
        victim.readExactly(256 * 1024); // the server is writing, and blocks once the socket buffers are full
        assertStillServes(bystander, "the server is writing");
        victim.abort();

        Failure failure = failures.receive();
        assertThat(failure.exception().getMessage()).containsAnyOf("reset", "Broken pipe");
        assertThat(failure.state()).isEqualTo(StreamState.ABORTED);
        assertStillServes(bystander, "after");
    }

    @Test
    void aHalfClosedClientStillReadsTheReply() throws Exception {
        StreamServerImpl server = loopback.listen(s -> {
            byte[] request = s.readUntil("\n\n".getBytes(StandardCharsets.UTF_8), 1024);
            assertThat(s.read(1)).isEmpty(); // the client's FIN
            assertThat(s.state()).isEqualTo(StreamState.INPUT_EOF);
            s.write(ByteBuffer.wrap("reply to ".getBytes(StandardCharsets.UTF_8)), ByteBuffer.wrap(request));
            s.drain();
        });
        Stream client = loopback.connect(server.port());
        client.write("a request\n\n".getBytes(StandardCharsets.UTF_8));
        client.shutdownOutput();
        assertThat(client.state()).isEqualTo(StreamState.OUTPUT_SHUT);

        assertThat(client.readLine(100)).isEqualTo("reply to a request");
        assertThat(client.readLine(100)).isEmpty();
        assertThat(client.readLine(100)).isNull();
        assertThat(client.state()).isEqualTo(StreamState.CLOSED);
        assertThat(server.stats().rejected()).isZero();
    }
}
