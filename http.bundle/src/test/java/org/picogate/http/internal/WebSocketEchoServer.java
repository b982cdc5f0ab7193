package org.picogate.http.internal;

import java.io.IOException;
import java.time.Duration;

import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.websocket.CloseCodes;
import org.picogate.http.websocket.Message;
import org.picogate.http.websocket.WebSocket;
import org.picogate.http.websocket.WebSocketOptions;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.StreamServer;
import org.picogate.streams.internal.StreamFactory;
import org.picogate.streams.internal.StreamSettings;

/**
 * A real HTTP server on 127.0.0.1 (a port the system chooses), for WebSocket clients that are not ours. Its
 * WebSocket at {@code /echo} speaks subprotocol {@code echo.v1}, accepts messages up to {@link #MAX_MESSAGE}
 * bytes and sends every message back as it came; the text {@code "close please"} makes the server start the
 * closing handshake (1000, "as you wish"). Other paths get 404.
 */
final class WebSocketEchoServer implements AutoCloseable {
    static final int MAX_MESSAGE = 64 * 1024;
    static final String HOST = "127.0.0.1";

    private final TestScheduler scheduler = TestScheduler.start(Clock.system(), "websocket-echo");
    /** Nothing to do when the server closes; raw, because its type argument is not public. */
    private final StreamServer server;

    WebSocketEchoServer() throws IOException {
        HttpServerCore core = new HttpServerCore(scheduler, () -> HttpLimits.DEFAULTS, () -> ECHO,
                new FileResponder(true));
        server = new StreamFactory(scheduler, StreamSettings.DEFAULTS).listen(ListenOptions.port(0).withHost(HOST),
                core);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        scheduler.close();
    }

    private static final Handler ECHO = (request, response) -> {
        if (!"/echo".equals(request.path())) {
            throw new HttpException(404, "no such socket");
        }
        WebSocketOptions options = WebSocketOptions.defaults().withMaxMessageSize(MAX_MESSAGE)
                .withSubprotocols("echo.v1").withCloseTimeout(Duration.ofSeconds(5));
        try (WebSocket ws = response.webSocket(options)) {
            for (Message m = ws.receive(); !(m instanceof Message.Close); m = ws.receive()) {
                switch (m) {
                    case Message.Text text when text.text().equals("close please") -> ws.close(CloseCodes.NORMAL,
                            "as you wish");
                    case Message.Text text -> ws.sendText(text.text());
                    case Message.Binary binary -> ws.sendBinary(binary.data());
                    case Message.Close close -> throw new AssertionError("the loop ends at the close");
                }
            }
        }
    };
}
