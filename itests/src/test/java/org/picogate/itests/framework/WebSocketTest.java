package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.picogate.http.Handler;
import org.picogate.http.websocket.Message;
import org.picogate.http.websocket.WebSocketOptions;

/**
 * A WebSocket in Felix: a {@code Handler} service at a route upgrades its requests, and the JDK's client talks to
 * it over a real socket through the running HTTP server.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class WebSocketTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    private int port;
    private ServiceRegistration<Handler> handler;
    private HttpClient http;

    @BeforeEach
    void configure() throws Exception {
        port = HttpFixture.freePort();
        HttpFixture.serve(configAdmin, port);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("picogate.http.route", "/itest/ws");
        handler = context.registerService(Handler.class, (request, response) -> {
            try (org.picogate.http.websocket.WebSocket ws = response.webSocket(WebSocketOptions.defaults()
                    .withSubprotocols("upper"))) {
                for (Message m = ws.receive(); m instanceof Message.Text text; m = ws.receive()) {
                    ws.sendText(text.text().toUpperCase());
                }
            }
        }, props);
        http = HttpClient.newHttpClient();
        Await.until(WAIT, () -> "426 from the socket's route on port " + port, () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/itest/ws")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 426;
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    @AfterEach
    void reset() throws Exception {
        http.shutdownNow(); // not close(): it would wait for a WebSocket a failed test left open
        handler.unregister();
        HttpFixture.reset(configAdmin);
    }

    @Test
    void aHandlerServiceUpgradesAndEchoes() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().subprotocols("upper")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/itest/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        events.add("text:" + data);
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onPong(WebSocket socket, ByteBuffer message) {
                        events.add("pong");
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                        events.add("close:" + statusCode);
                        return CompletableFuture.completedFuture(null);
                    }
                }).get(20, TimeUnit.SECONDS);
        assertThat(ws.getSubprotocol()).isEqualTo("upper");

        ws.sendText("gateway", true).join();
        assertThat(events.poll(20, TimeUnit.SECONDS)).isEqualTo("text:GATEWAY");
        ws.sendPing(ByteBuffer.allocate(0)).join();
        assertThat(events.poll(20, TimeUnit.SECONDS)).isEqualTo("pong");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        assertThat(events.poll(20, TimeUnit.SECONDS)).isEqualTo("close:1000");
    }
}
