package org.picogate.http.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.picogate.http.internal.websocket.WebSocketTestClient.BINARY;
import static org.picogate.http.internal.websocket.WebSocketTestClient.CLOSE;
import static org.picogate.http.internal.websocket.WebSocketTestClient.CONTINUATION;
import static org.picogate.http.internal.websocket.WebSocketTestClient.PING;
import static org.picogate.http.internal.websocket.WebSocketTestClient.PONG;
import static org.picogate.http.internal.websocket.WebSocketTestClient.TEXT;
import static org.picogate.http.internal.websocket.WebSocketTestClient.close;
import static org.picogate.http.internal.websocket.WebSocketTestClient.concat;
import static org.picogate.http.internal.websocket.WebSocketTestClient.frame;
import static org.picogate.http.internal.websocket.WebSocketTestClient.text;
import static org.picogate.http.internal.websocket.WebSocketTestClient.utf8;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picogate.http.websocket.CloseCodes;
import org.picogate.http.websocket.Message;
import org.picogate.http.websocket.WebSocketOptions;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.testing.Pipe;

/**
 * The server's WebSocket over an in-memory pipe on virtual time: messages, fragments, control frames, every rule
 * a client can break (each answered with its close code), and both closing handshakes with their timeout.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS) // a guard: a regression that leaves a read waiting fails, not hangs
class WebSocketSessionTest {
    private static final int MAX = 1000;

    private final VirtualClock clock = VirtualClock.create().settleTimeout(Duration.ofMillis(50));
    private TestScheduler scheduler;
    private Pipe pipe;
    private WebSocketSession session;
    private WebSocketTestClient client;

    @BeforeEach
    void open() {
        scheduler = TestScheduler.start(clock, "websocket-test");
        pipe = Pipe.open(scheduler);
        session = new WebSocketSession(pipe.right(), scheduler,
                WebSocketOptions.defaults().withMaxMessageSize(MAX).withCloseTimeout(Duration.ofSeconds(5)), null);
        client = new WebSocketTestClient(pipe.left());
    }

    @AfterEach
    void closePipe() {
        pipe.close();
        scheduler.close();
    }

    // ---- messages ----

    @Test
    void receivesTextAndBinaryMessages() throws IOException {
        client.send(text("héllo"), frame(true, BINARY, new byte[] { 1, 2, 3 }), frame(true, TEXT, new byte[0]));

        assertThat(session.receive()).isEqualTo(new Message.Text("héllo"));
        assertThat(((Message.Binary) session.receive()).data()).containsExactly(1, 2, 3);
        assertThat(session.receive()).isEqualTo(new Message.Text(""));
    }

    @Test
    void sendsUnmaskedTextBinaryAndPingFrames() throws IOException {
        session.sendText("grüße");
        session.sendBinary(new byte[] { 9, 8 });
        session.ping(utf8("are you there"));

        assertReceived(client.read(), TEXT, "grüße");
        WebSocketTestClient.Received binary = client.read();
        assertThat(binary.opcode()).isEqualTo(BINARY);
        assertThat(binary.payload()).containsExactly(9, 8);
        assertReceived(client.read(), PING, "are you there");
    }

    @Test
    void readsAndWritesEachLengthEncoding() throws IOException {
        for (int length : new int[] { 125, 126, 65535, 65536, 70000 }) {
            byte[] data = new byte[length];
            Arrays.fill(data, (byte) 'x');
            WebSocketSession big = new WebSocketSession(pipe.right(), scheduler,
                    WebSocketOptions.defaults().withMaxMessageSize(length), null);
            client.send(frame(true, BINARY, data));
            byte[] received = ((Message.Binary) big.receive()).data();
            assertThat(received).as("length %d", length).hasSize(length).isEqualTo(data);

            big.sendBinary(data);
            assertThat(client.read().payload()).as("length %d sent", length).isEqualTo(data);
        }
    }

    @Test
    void joinsFragmentsAndAnswersAPingBetweenThem() throws IOException {
        client.send(frame(false, TEXT, utf8("one ")), frame(true, PING, utf8("p")),
                frame(false, CONTINUATION, utf8("two ")), frame(true, PONG, utf8("unsolicited")),
                frame(true, CONTINUATION, utf8("three")));

        assertThat(session.receive()).isEqualTo(new Message.Text("one two three"));
        assertReceived(client.read(), PONG, "p");
    }

    @Test
    void joinsAUtf8CharacterSplitAcrossFragments() throws IOException {
        byte[] euro = utf8("€"); // three bytes: valid only together
        client.send(frame(false, TEXT, Arrays.copyOfRange(euro, 0, 1)),
                frame(false, CONTINUATION, Arrays.copyOfRange(euro, 1, 2)),
                frame(true, CONTINUATION, Arrays.copyOfRange(euro, 2, 3)));

        assertThat(session.receive()).isEqualTo(new Message.Text("€"));
    }

    @Test
    void joinsBinaryFragmentsUpToExactlyTheLimit() throws IOException {
        client.send(frame(false, BINARY, new byte[MAX - 1]), frame(true, CONTINUATION, new byte[1]));

        assertThat(((Message.Binary) session.receive()).data()).hasSize(MAX);
    }

    @Test
    void aSenderTaskWritesWhileAnotherTaskReceives() throws Exception {
        Task<Message> receiver = scheduler.spawn("receiver", session::receive);
        scheduler.spawn("sender", () -> {
            session.sendText("from another task");
            return null;
        }).join();

        assertReceived(client.read(), TEXT, "from another task");
        client.send(text("answer"));
        assertThat(receiver.join()).isEqualTo(new Message.Text("answer"));
    }

    @Test
    void pingPayloadIsAtMost125Bytes() {
        assertThatThrownBy(() -> session.ping(new byte[126])).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- rules the client breaks: the connection is failed with the code RFC 6455 names ----

    @Test
    void unmaskedClientFrameIsAProtocolError() throws Exception {
        assertFailsWith(CloseCodes.PROTOCOL_ERROR, WebSocketTestClient.unmaskedFrame(true, TEXT, utf8("hi")));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0x40, 0x20, 0x10 })
    void reservedBitIsAProtocolError(int rsv) throws Exception {
        byte[] frame = text("hi");
        frame[0] |= (byte) rsv;
        assertFailsWith(CloseCodes.PROTOCOL_ERROR, frame);
    }

    @ParameterizedTest
    @ValueSource(ints = { 3, 7, 0xB, 0xF })
    void reservedOpcodeIsAProtocolError(int opcode) throws Exception {
        assertFailsWith(CloseCodes.PROTOCOL_ERROR, frame(true, opcode, new byte[0]));
    }

    @Test
    void controlFrameLongerThan125BytesIsAProtocolError() throws Exception {
        assertFailsWith(CloseCodes.PROTOCOL_ERROR, frame(true, PING, new byte[126]));
    }

    @Test
    void fragmentedControlFrameIsAProtocolError() throws Exception {
        assertFailsWith(CloseCodes.PROTOCOL_ERROR, frame(false, PING, utf8("half")));
    }

    @Test
    void continuationWithoutAMessageIsAProtocolError() throws Exception {
        assertFailsWith(CloseCodes.PROTOCOL_ERROR, frame(true, CONTINUATION, utf8("orphan")));
    }

    @Test
    void newMessageInsideAFragmentedOneIsAProtocolError() throws Exception {
        assertFailsWith(CloseCodes.PROTOCOL_ERROR, frame(false, TEXT, utf8("a")), frame(true, BINARY, utf8("b")));
    }

    @Test
    void lengthWithTheTopBitSetIsAProtocolError() throws Exception {
        byte[] header = { (byte) 0x82, (byte) (0x80 | 127), (byte) 0x80, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4 };
        assertFailsWith(CloseCodes.PROTOCOL_ERROR, header);
    }

    @Test
    void frameLargerThanTheLimitIsTooBigBeforeItsPayloadIsRead() throws Exception {
        // only the header is sent: the server must not wait for a payload it would refuse anyway
        byte[] header = Arrays.copyOf(frame(true, BINARY, new byte[MAX + 1]), 2 + 2 + 4);
        assertFailsWith(CloseCodes.MESSAGE_TOO_BIG, header);
    }

    @Test
    void fragmentsLargerTogetherThanTheLimitAreTooBig() throws Exception {
        assertFailsWith(CloseCodes.MESSAGE_TOO_BIG, frame(false, TEXT, new byte[MAX / 2]),
                frame(false, CONTINUATION, new byte[MAX / 2]), frame(true, CONTINUATION, new byte[1]));
    }

    @Test
    void invalidUtf8TextIsInvalidData() throws Exception {
        assertFailsWith(CloseCodes.INVALID_DATA, frame(true, TEXT, new byte[] { 'a', (byte) 0xC0, (byte) 0xAF }));
    }

    @Test
    void encodedSurrogateIsInvalidData() throws Exception {
        assertFailsWith(CloseCodes.INVALID_DATA, frame(true, TEXT, new byte[] { (byte) 0xED, (byte) 0xA0,
                (byte) 0x80 }));
    }

    @Test
    void invalidUtf8InAFirstFragmentFailsBeforeTheMessageEnds() throws Exception {
        assertFailsWith(CloseCodes.INVALID_DATA, frame(false, TEXT, new byte[] { 'o', 'k', (byte) 0xFF }));
    }

    @Test
    void invalidUtf8AcrossTwoFragmentsFailsBeforeTheMessageEnds() throws Exception {
        // E2 starts a three-byte character; 28 cannot continue it
        assertFailsWith(CloseCodes.INVALID_DATA, frame(false, TEXT, new byte[] { 'a', (byte) 0xE2 }),
                frame(false, CONTINUATION, new byte[] { 0x28, 'b' }));
    }

    @Test
    void manyFragmentsOfValidTextWithSplitCharacters() throws IOException {
        byte[] text = utf8("ä€😀".repeat(50)); // 2-, 3- and 4-byte characters, cut every 3 bytes: inside each kind
        java.io.ByteArrayOutputStream frames = new java.io.ByteArrayOutputStream();
        for (int at = 0; at < text.length; at += 3) {
            int end = Math.min(text.length, at + 3);
            frames.writeBytes(frame(end == text.length, at == 0 ? TEXT : CONTINUATION,
                    Arrays.copyOfRange(text, at, end)));
        }
        client.send(frames.toByteArray());

        assertThat(session.receive()).isEqualTo(new Message.Text("ä€😀".repeat(50)));
    }

    @Test
    void textEndingInsideACharacterIsInvalidData() throws Exception {
        assertFailsWith(CloseCodes.INVALID_DATA, frame(false, TEXT, utf8("ok")),
                frame(true, CONTINUATION, Arrays.copyOf(utf8("€"), 2)));
    }

    @Test
    void closeFrameWithOneByteIsAProtocolError() throws Exception {
        assertFailsWith(CloseCodes.PROTOCOL_ERROR, frame(true, CLOSE, new byte[] { 3 }));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535 })
    void closeCodeThatMayNotBeSentIsAProtocolError(int code) throws Exception {
        assertFailsWith(CloseCodes.PROTOCOL_ERROR, frame(true, CLOSE, new byte[] { (byte) (code >> 8),
                (byte) code }));
    }

    @Test
    void closeReasonThatIsNotUtf8IsInvalidData() throws Exception {
        assertFailsWith(CloseCodes.INVALID_DATA, frame(true, CLOSE, new byte[] { 0x03, (byte) 0xE8, (byte) 0xFF }));
    }

    @Test
    void connectionEndingWithoutACloseFrameIsAbnormal() throws Exception {
        client.send(frame(false, TEXT, utf8("half a message")));
        pipe.left().shutdownOutput();

        Message.Close end = (Message.Close) session.receive();
        assertThat(end.code()).isEqualTo(CloseCodes.ABNORMAL);
        assertThat(session.receive()).isNull();
        assertThat(session.isOpen()).isFalse();
    }

    // ---- closing handshakes ----

    @Test
    void peerCloseIsAnsweredWithItsCodeThenTheServerEndsTheConnection() throws Exception {
        Task<Message> receiver = scheduler.spawn("receiver", session::receive);
        client.send(close(4001, "bye now"));

        WebSocketTestClient.Received answer = client.read();
        assertThat(answer.opcode()).isEqualTo(CLOSE);
        assertThat(answer.closeCode()).isEqualTo(4001);
        assertThat(client.serverEnded()).isTrue();
        pipe.left().close();
        assertThat(receiver.join()).isEqualTo(new Message.Close(4001, "bye now"));
        assertThat(session.receive()).isNull();
        assertThatThrownBy(() -> session.sendText("late")).isInstanceOf(IOException.class).hasMessageContaining(
                "closed");
    }

    @Test
    void emptyPeerCloseIsAnsweredEmptyAndReportedAsNoStatus() throws Exception {
        Task<Message> receiver = scheduler.spawn("receiver", session::receive);
        client.send(frame(true, CLOSE, new byte[0]));

        assertThat(client.read().payload()).isEmpty();
        pipe.left().close();
        assertThat(receiver.join()).isEqualTo(new Message.Close(CloseCodes.NO_STATUS, ""));
    }

    @Test
    void serverCloseWaitsForThePeersCloseAndDropsDataMeanwhile() throws Exception {
        Task<Void> closing = scheduler.spawn("closing", () -> {
            session.close(CloseCodes.GOING_AWAY, "restart");
            return null;
        });
        WebSocketTestClient.Received sent = client.read();
        assertThat(sent.closeCode()).isEqualTo(CloseCodes.GOING_AWAY);
        assertThat(sent.closeReason()).isEqualTo("restart");
        assertThat(session.isOpen()).isFalse();
        assertThatThrownBy(() -> session.sendText("after close")).isInstanceOf(IOException.class)
                .hasMessageContaining("closing");

        client.send(text("in flight"), frame(true, PING, utf8("p")), close(CloseCodes.NORMAL, ""));
        assertThat(client.serverEnded()).as("no pong or second close after the close frame").isTrue();
        pipe.left().close();
        closing.join();
        assertThat(session.receive()).isEqualTo(new Message.Close(CloseCodes.NORMAL, ""));
        assertThat(session.receive()).isNull();
    }

    @Test
    void serverCloseGivesUpAfterTheCloseTimeoutOnTheSchedulerClock() throws Exception {
        Task<Void> closing = scheduler.spawn("closing", () -> {
            session.close(CloseCodes.NORMAL, "");
            return null;
        });
        assertThat(client.read().opcode()).isEqualTo(CLOSE);

        clock.advance(Duration.ofMillis(4900));
        assertThat(closing.state()).isEqualTo(Task.State.RUNNING);
        clock.advance(Duration.ofMillis(100));
        closing.join();
        assertThat(client.serverEnded()).isTrue();
        Message.Close end = (Message.Close) session.receive();
        assertThat(end.code()).isEqualTo(CloseCodes.ABNORMAL);
        assertThat(end.reason()).contains("no close frame");
    }

    @Test
    void closeFromAnotherTaskIsCompletedByTheReceivingTask() throws Exception {
        Task<Message> receiver = scheduler.spawn("receiver", session::receive);
        Task<Void> closing = scheduler.spawn("closing", () -> {
            session.close(CloseCodes.NORMAL, "done");
            return null;
        });

        assertThat(client.read().closeReason()).isEqualTo("done");
        client.send(close(CloseCodes.NORMAL, "ok"));
        assertThat(client.serverEnded()).isTrue();
        pipe.left().close();
        closing.join();
        assertThat(receiver.join()).isEqualTo(new Message.Close(CloseCodes.NORMAL, "ok"));
    }

    @Test
    void closeFromAnotherTaskEndsAtTheTimeoutWhileTheReceiverWaits() throws Exception {
        Task<Message> receiver = scheduler.spawn("receiver", session::receive);
        Task<Void> closing = scheduler.spawn("closing", () -> {
            session.close(CloseCodes.NORMAL, "");
            return null;
        });
        assertThat(client.read().opcode()).isEqualTo(CLOSE);

        clock.advance(Duration.ofSeconds(5));
        closing.join();
        assertThat(((Message.Close) receiver.join()).code()).isEqualTo(CloseCodes.ABNORMAL);
    }

    @Test
    void closeChecksItsCodeAndReason() {
        assertThatThrownBy(() -> session.close(CloseCodes.NO_STATUS, "")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> session.close(1004, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.close(CloseCodes.NORMAL, "x".repeat(124))).isInstanceOf(
                IllegalArgumentException.class);
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void finishClosesAnOpenWebSocketWithNormal() throws Exception {
        Task<Void> finishing = scheduler.spawn("handler returned", () -> {
            session.finish();
            return null;
        });
        assertThat(client.read().closeCode()).isEqualTo(CloseCodes.NORMAL);
        client.send(close(CloseCodes.NORMAL, ""));
        assertThat(client.serverEnded()).isTrue();
        pipe.left().close();
        finishing.join();
    }

    // ---- heartbeat ----

    @Test
    void heartbeatPingsAnIdlePeerAndKeepsAnAnsweringOne() throws Exception {
        WebSocketSession beating = withHeartbeat(Duration.ofSeconds(10));
        Task<Message> receiver = scheduler.spawn("receiver", beating::receive);

        clock.advance(Duration.ofSeconds(10));
        assertThat(client.read().opcode()).as("a ping after a quiet period").isEqualTo(PING);
        client.send(text("alive"));
        assertThat(receiver.join()).isEqualTo(new Message.Text("alive"));

        Task<Message> next = scheduler.spawn("receiver", beating::receive);
        clock.advance(Duration.ofSeconds(10)); // input came in this period: no ping
        clock.advance(Duration.ofSeconds(10));
        assertThat(client.read().opcode()).as("the next ping, after the next quiet period").isEqualTo(PING);
        client.send(frame(true, PONG, new byte[0]), text("still here"));
        assertThat(next.join()).isEqualTo(new Message.Text("still here"));
        assertThat(beating.isOpen()).isTrue();
    }

    @Test
    void heartbeatAbortsAPeerThatDoesNotAnswerItsPing() throws Exception {
        WebSocketSession beating = withHeartbeat(Duration.ofSeconds(10));
        Task<Message> receiver = scheduler.spawn("receiver", beating::receive);

        clock.advance(Duration.ofSeconds(10));
        assertThat(client.read().opcode()).isEqualTo(PING);
        clock.advance(Duration.ofSeconds(9));
        assertThat(receiver.state()).isEqualTo(Task.State.RUNNING);
        clock.advance(Duration.ofSeconds(1));

        Message.Close end = (Message.Close) receiver.join();
        assertThat(end.code()).isEqualTo(CloseCodes.ABNORMAL);
        assertThat(end.reason()).contains("no answer to a ping");
        assertThat(client.serverEnded()).isTrue();
    }

    @Test
    void withoutHeartbeatAnIdlePeerIsNeverPinged() throws Exception {
        Task<Message> receiver = scheduler.spawn("receiver", session::receive);
        clock.advance(Duration.ofMinutes(10));

        client.send(frame(true, PING, utf8("x")));
        assertThat(client.read().opcode()).as("the server's first frame answers our ping: it sent none").isEqualTo(
                PONG);
        client.send(text("bye"));
        assertThat(receiver.join()).isEqualTo(new Message.Text("bye"));
    }

    private WebSocketSession withHeartbeat(Duration period) {
        return new WebSocketSession(pipe.right(), scheduler, WebSocketOptions.defaults().withHeartbeat(period), null);
    }

    // ---- helpers ----

    /**
     * Sends {@code frames}; the server must answer with a close frame of {@code code}, end the connection, and
     * report that code once from {@code receive()}, then {@code null}.
     */
    private void assertFailsWith(int code, byte[]... frames) throws IOException, ExecutionException {
        Task<Message> receiver = scheduler.spawn("receiver", session::receive);
        client.send(concat(frames));

        WebSocketTestClient.Received answer = client.read();
        assertThat(answer.opcode()).isEqualTo(CLOSE);
        assertThat(answer.closeCode()).isEqualTo(code);
        assertThat(client.serverEnded()).isTrue();
        pipe.left().close();
        Message.Close end = (Message.Close) receiver.join();
        assertThat(end.code()).isEqualTo(code);
        assertThat(end.reason()).isEqualTo(answer.closeReason()).isNotEmpty();
        assertThat(session.receive()).isNull();
        assertThat(session.isOpen()).isFalse();
    }

    private static void assertReceived(WebSocketTestClient.Received frame, int opcode, String payload) {
        assertThat(frame.fin()).isTrue();
        assertThat(frame.opcode()).isEqualTo(opcode);
        assertThat(frame.text()).isEqualTo(payload);
    }
}
