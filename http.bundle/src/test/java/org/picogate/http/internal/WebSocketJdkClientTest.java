package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.picogate.http.websocket.CloseCodes;

/** The JDK's {@code java.net.http.WebSocket} client against a real server on loopback. */
class WebSocketJdkClientTest {
    /** A guard against a hang, not a measurement: every event comes within milliseconds. */
    private static final long WAIT_SECONDS = 20;

    private WebSocketEchoServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        server = new WebSocketEchoServer();
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        http.shutdownNow(); // not close(): it would wait for a WebSocket a failed test left open
        server.close();
    }

    @Test
    void exchangesTextBinaryFragmentsAndPingThenClosesNormally() throws Exception {
        Events events = new Events();
        WebSocket ws = connect(events);
        assertThat(ws.getSubprotocol()).isEqualTo("echo.v1");

        ws.sendText("hello, gateway", true).join();
        assertThat(events.next()).isEqualTo("text:hello, gateway");

        ws.sendText("frag", false).join();
        ws.sendText("men", false).join();
        ws.sendText("ted ✓", true).join();
        assertThat(events.next()).isEqualTo("text:fragmented ✓");

        byte[] data = new byte[40_000]; // 16-bit length, and more than one read of the server's buffer
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        ws.sendBinary(ByteBuffer.wrap(data, 0, 30_000), false).join();
        ws.sendPing(ByteBuffer.wrap("between".getBytes(StandardCharsets.UTF_8))).join(); // inside the message
        ws.sendBinary(ByteBuffer.wrap(data, 30_000, 10_000), true).join();
        assertThat(events.next()).isEqualTo("pong:between");
        assertThat(events.next()).isEqualTo("binary:" + java.util.Arrays.hashCode(data) + "/" + data.length);

        ws.sendClose(CloseCodes.NORMAL, "done").join();
        assertThat(events.next()).isEqualTo("close:1000:");
    }

    @Test
    void serverStartedCloseIsCompleted() throws Exception {
        Events events = new Events();
        WebSocket ws = connect(events);

        ws.sendText("close please", true).join();
        assertThat(events.next()).isEqualTo("close:1000:as you wish"); // the JDK answers it by itself
        assertThat(ws.isInputClosed()).isTrue();
    }

    @Test
    void tooBigMessageClosesWith1009() throws Exception {
        Events events = new Events();
        WebSocket ws = connect(events);

        ws.sendBinary(ByteBuffer.allocate(WebSocketEchoServer.MAX_MESSAGE + 1), true).join();
        assertThat(events.next()).startsWith("close:1009:");
    }

    @Test
    void aPlainGetToTheSocketGets426() throws Exception {
        java.net.http.HttpResponse<String> plain = http.send(java.net.http.HttpRequest.newBuilder(URI.create(
                "http://" + WebSocketEchoServer.HOST + ":" + server.port() + "/echo")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(plain.statusCode()).isEqualTo(426);
        assertThat(plain.headers().firstValue("Sec-WebSocket-Version")).hasValue("13");
        assertThat(plain.headers().firstValue("Upgrade")).hasValue("websocket");
    }

    private WebSocket connect(Events events) {
        return http.newWebSocketBuilder().subprotocols("echo.v1")
                .buildAsync(URI.create("ws://" + WebSocketEchoServer.HOST + ":" + server.port() + "/echo"), events)
                .orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    /** What the client saw, one line per event; text and binary fragments joined into messages. */
    private static final class Events implements WebSocket.Listener {
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        String next() throws InterruptedException {
            String event = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(event).as("an event within %d s", WAIT_SECONDS).isNotNull();
            return event;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                queue.add("text:" + text);
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                byte[] all = binary.toByteArray();
                queue.add("binary:" + java.util.Arrays.hashCode(all) + "/" + all.length);
                binary.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            queue.add("pong:" + StandardCharsets.UTF_8.decode(message));
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            queue.add("close:" + statusCode + ":" + reason);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            queue.add("error:" + error);
        }
    }
}
