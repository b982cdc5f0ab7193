package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
import org.picogate.itests.framework.HttpClientConnection.Answer;
import org.picogate.itests.framework.HttpClientConnection.NoAnswerException;

/**
 * Limits of the HTTP server in Felix over real sockets, where the kernel's behaviour matters: the connection
 * limit, and a 413 for a body too large that the client must be able to read while it is still sending.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class HttpLimitsOverSocketsTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final int MAX_BODY = 1000;
    /** Far more than the server reads while it lingers after its answer, and more than socket buffers hold. */
    static final int LARGE_BODY = 8 * 1024 * 1024;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    private int port;
    private ServiceRegistration<Handler> handler;

    @BeforeEach
    void serve() throws Exception {
        port = HttpFixture.freePort();
        handler = context.registerService(Handler.class,
                (request, response) -> response.send("read " + request.body().length + " bytes"), null);
    }

    @AfterEach
    void reset() throws Exception {
        handler.unregister();
        HttpFixture.reset(configAdmin);
    }

    private void configure(String key, Object value) throws IOException {
        HttpFixture.serve(configAdmin, port, key, value);
    }

    /** A new connection that has been answered once (so the server holds it); retried while refused. */
    private HttpClientConnection answeredConnection() throws Exception {
        HttpClientConnection[] answered = new HttpClientConnection[1];
        Await.until(WAIT, () -> "an answered connection on port " + port, () -> {
            try {
                HttpClientConnection c = HttpClientConnection.open(port);
                try {
                    if (c.get("/hello").status() == 200) {
                        answered[0] = c;
                        return true;
                    }
                } catch (IOException refused) {
                    // over the limit still: a connection closed by the client may not be counted out yet
                }
                c.close();
                return false;
            } catch (IOException notListening) {
                return false;
            }
        });
        return answered[0];
    }

    @Test
    void theConnectionPastMaxConnectionsIsClosedAtOnceAndOneClosingMakesRoom() throws Exception {
        configure("maxConnections", 3);
        List<HttpClientConnection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(answeredConnection());
        }

        assertThat(resetUnanswered()).as("the fourth connection").isTrue();
        for (HttpClientConnection c : held) {
            assertThat(c.get("/still").text()).isEqualTo("read 0 bytes"); // the three are unaffected
        }

        held.remove(0).close();
        held.add(answeredConnection()); // room again once the server has seen one close
        for (HttpClientConnection c : held) {
            assertThat(c.get("/again").status()).isEqualTo(200);
            c.close();
        }
    }

    @Test
    void aBodyOverMaxBodyGetsTheWhole413WhileTheClientIsStillSending() throws Exception {
        configure("maxBody", (long) MAX_BODY);
        try (HttpClientConnection c = answeredConnection()) {
            c.send("POST /upload HTTP/1.1\r\nHost: gw\r\nContent-Length: " + LARGE_BODY + "\r\n\r\n");
            Thread sender = Thread.ofVirtual().start(() -> sendQuietly(c, LARGE_BODY)); // like curl: sends and reads

            Answer a = c.read();

            assertThat(a.status()).isEqualTo(413);
            assertThat(a.closes()).isTrue();
            assertThat(a.text()).isNotEmpty();
            assertThat(c.endedWithoutAnotherByte()).isTrue();
            c.close();
            sender.join(WAIT);
        }
    }

    @Test
    void aClientThatSendsItsWholeLargeBodyBeforeReadingStillReadsThe413() throws Exception {
        configure("maxBody", (long) MAX_BODY);
        try (HttpClientConnection c = answeredConnection()) {
            c.send("POST /upload HTTP/1.1\r\nHost: gw\r\nContent-Length: " + LARGE_BODY + "\r\n\r\n");
            sendQuietly(c, LARGE_BODY); // fails part way once the server stops reading; the answer must remain

            Answer a = c.read();

            assertThat(a.status()).isEqualTo(413);
            assertThat(a.closes()).isTrue();
        }
    }

    @Test
    void aBodyWithinMaxBodyIsRead() throws Exception {
        configure("maxBody", (long) MAX_BODY);
        try (HttpClientConnection c = answeredConnection()) {
            c.send("POST /upload HTTP/1.1\r\nHost: gw\r\nContent-Length: " + MAX_BODY + "\r\n\r\n"
                    + "x".repeat(MAX_BODY));
            assertThat(c.read().text()).isEqualTo("read " + MAX_BODY + " bytes");
        }
    }

    /**
     * Whether a new connection is reset before any answer: the kernel completes the handshake, the server resets
     * the connection as it accepts it, and the client sees that as it connects, sends or reads, depending on when
     * the reset arrives. A refused connection (nothing listening) is not that.
     */
    private boolean resetUnanswered() throws IOException {
        try (HttpClientConnection c = HttpClientConnection.open(port)) {
            c.get("/hello");
            return false;
        } catch (NoAnswerException unanswered) {
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (SocketException resetWhileConnecting) {
            return true;
        }
    }

    /** Sends {@code n} body bytes, stopping quietly when the server has closed or reset the connection. */
    private static void sendQuietly(HttpClientConnection c, int n) {
        byte[] chunk = "0123456789abcdef".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        try {
            for (int sent = 0; sent < n; sent += chunk.length) {
                c.send(chunk);
            }
        } catch (IOException closedByServer) {
            // expected once the server has answered and stopped reading
        }
    }
}
