package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.picogate.http.internal.websocket.WebSocketTestClient.CLOSE;
import static org.picogate.http.internal.websocket.WebSocketTestClient.close;
import static org.picogate.http.internal.websocket.WebSocketTestClient.text;


import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.http.Handler;
import org.picogate.http.internal.websocket.WebSocketTestClient;
import org.picogate.http.websocket.CloseCodes;
import org.picogate.http.websocket.Message;
import org.picogate.http.websocket.WebSocket;
import org.picogate.http.websocket.WebSocketOptions;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.testing.Pipe;

/**
 * The upgrade through the HTTP connection loop: the 101 answer, refusals that keep HTTP going, and a connection
 * that is never read as HTTP again once it carries WebSocket frames.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS) // a guard: a regression that leaves a read waiting fails, not hangs
class WebSocketUpgradeTest {
    private static final String UPGRADE = """
            GET /ws HTTP/1.1\r
            Host: gateway\r
            Upgrade: websocket\r
            Connection: Upgrade\r
            Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r
            Sec-WebSocket-Version: 13\r
            Sec-WebSocket-Protocol: other, chat\r
            \r
            """;

    private HttpTestConnection connection;

    @AfterEach
    void closeConnection() {
        if (connection != null) { // a test that builds its own server has none
            connection.close();
        }
    }

    @Test
    void answers101AndCarriesFramesUntilThePeerCloses() throws Exception {
        open((request, response) -> {
            response.header("Set-Cookie", "seen=1");
            try (WebSocket ws = response.webSocket(WebSocketOptions.defaults().withSubprotocols("chat"))) {
                for (Message m = ws.receive(); m instanceof Message.Text text; m = ws.receive()) {
                    ws.sendText(text.text().toUpperCase());
                }
            }
        });
        connection.send(UPGRADE);

        HttpTestConnection.Reply reply = connection.read();
        assertThat(reply.status()).isEqualTo(101);
        assertThat(reply.header("Upgrade")).isEqualTo("websocket");
        assertThat(reply.header("Connection")).isEqualTo("Upgrade");
        assertThat(reply.header("Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertThat(reply.header("Sec-WebSocket-Protocol")).isEqualTo("chat");
        assertThat(reply.header("Set-Cookie")).isEqualTo("seen=1");
        assertThat(reply.headers()).doesNotContainKeys("content-length", "transfer-encoding");

        WebSocketTestClient ws = new WebSocketTestClient(connection.client);
        ws.send(text("hello"));
        assertThat(ws.read().text()).isEqualTo("HELLO");
        ws.send(close(CloseCodes.NORMAL, ""));
        assertThat(ws.read().closeCode()).isEqualTo(CloseCodes.NORMAL);
        assertThat(connection.serverClosed()).isTrue();
        connection.client.close();
        connection.server.join();
    }

    @Test
    void aWebSocketLeftOpenByItsHandlerIsClosedWithNormalAndTheConnectionEnds() throws Exception {
        open((request, response) -> response.webSocket().sendText("only this"));
        connection.send(UPGRADE);
        assertThat(connection.read().status()).isEqualTo(101);

        WebSocketTestClient ws = new WebSocketTestClient(connection.client);
        assertThat(ws.read().text()).isEqualTo("only this");
        WebSocketTestClient.Received closing = ws.read();
        assertThat(closing.opcode()).isEqualTo(CLOSE);
        assertThat(closing.closeCode()).isEqualTo(CloseCodes.NORMAL);
        ws.send(close(CloseCodes.NORMAL, ""), "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
        assertThat(connection.serverClosed()).as("no HTTP answer after the frames").isTrue();
        connection.client.close();
        connection.server.join();
    }

    @Test
    void aPlainRequestGets426AndTheConnectionStaysHttp() throws Exception {
        open((request, response) -> {
            if (request.path().equals("/ws")) {
                response.webSocket();
            } else {
                response.send("plain");
            }
        });
        connection.send("GET /ws HTTP/1.1\r\nHost: gateway\r\n\r\n");

        HttpTestConnection.Reply refused = connection.read();
        assertThat(refused.status()).isEqualTo(426);
        assertThat(refused.header("Upgrade")).isEqualTo("websocket");
        assertThat(refused.header("Sec-WebSocket-Version")).isEqualTo("13");
        assertThat(refused.body()).startsWith("426 Upgrade Required");

        connection.send("GET /other HTTP/1.1\r\nHost: gateway\r\n\r\n");
        assertThat(connection.read().body()).isEqualTo("plain");
    }

    @Test
    void aMalformedHandshakeGets400WithTheVersion() throws Exception {
        open((request, response) -> response.webSocket());
        connection.send(UPGRADE.replace("dGhlIHNhbXBsZSBub25jZQ==", "short"));

        HttpTestConnection.Reply refused = connection.read();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Sec-WebSocket-Version")).isEqualTo("13");
        assertThat(refused.body()).contains("Sec-WebSocket-Key");
    }

    @Test
    void aHandlerThatFailsAfterTheUpgradeClosesWithInternalError() throws Exception {
        open((request, response) -> {
            response.webSocket();
            throw new IllegalStateException("handler bug (expected by the test)");
        });
        connection.send(UPGRADE);
        assertThat(connection.read().status()).isEqualTo(101);

        WebSocketTestClient ws = new WebSocketTestClient(connection.client);
        assertThat(ws.read().closeCode()).isEqualTo(CloseCodes.INTERNAL_ERROR);
        ws.send(close(CloseCodes.INTERNAL_ERROR, ""));
        assertThat(connection.serverClosed()).isTrue();
        connection.client.close();
        connection.server.join();
    }

    @Test
    void aRetiringListenerClosesItsWebSocketsWithGoingAway() throws Exception {
        try (TestScheduler scheduler = TestScheduler.start(VirtualClock.create(), "websocket-retire-test");
                Pipe pipe = Pipe.open(scheduler)) {
            Handler handler = (request, response) -> {
                try (WebSocket ws = response.webSocket()) {
                    for (Message m = ws.receive(); !(m instanceof Message.Close); m = ws.receive()) {
                        ws.sendText("still serving");
                    }
                }
            };
            HttpServerCore core = new HttpServerCore(scheduler, () -> HttpLimits.DEFAULTS, () -> handler,
                    new FileResponder(true));
            Task<Object> server = scheduler.spawn("connection", () -> {
                core.handle(pipe.right());
                return null;
            });
            pipe.left().write(UPGRADE.getBytes(StandardCharsets.ISO_8859_1));
            pipe.left().drain();
            assertThat(pipe.left().readLine(100)).startsWith("HTTP/1.1 101 ");
            while (!pipe.left().readLine(1000).isEmpty()) {
                // the rest of the 101's head
            }

            core.drain();

            WebSocketTestClient ws = new WebSocketTestClient(pipe.left());
            WebSocketTestClient.Received goingAway = ws.read();
            assertThat(goingAway.opcode()).isEqualTo(CLOSE);
            assertThat(goingAway.closeCode()).isEqualTo(CloseCodes.GOING_AWAY);
            ws.send(close(CloseCodes.GOING_AWAY, ""));
            assertThat(ws.serverEnded()).isTrue();
            pipe.left().close();
            server.join();
        }
    }

    private void open(Handler handler) {
        connection = new HttpTestConnection("websocket-upgrade-test", () -> HttpLimits.DEFAULTS, () -> handler);
    }
}
