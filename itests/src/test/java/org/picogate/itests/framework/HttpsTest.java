package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

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
import org.picogate.streams.TlsContexts;

/**
 * HTTPS: key {@code tls} of PID {@code org.picogate.http} with the key store configured for
 * {@code org.picogate.streams}. Over real sockets in Felix: an HTTPS request is answered (TLS 1.3), a plain HTTP
 * request to the HTTPS port gets no HTTP answer but the end of the connection, and a client that connects and never
 * starts its handshake is cut at the header timeout.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class HttpsTest {
    static final String STREAMS = "org.picogate.streams";
    static final Duration WAIT = Duration.ofSeconds(15);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    private Path dir;
    private TestKeyStore store;
    private SSLContext client;
    private int port;
    private ServiceRegistration<Handler> handler;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createTempDirectory("picogate-https");
        store = TestKeyStore.create(dir);
        client = TlsContexts.client(store.file, store.passwordChars());
        Dictionary<String, Object> tls = new Hashtable<>();
        tls.put("tlsKeyStore", store.file.toString());
        tls.put("tlsKeyStorePassword", store.password);
        configAdmin.getConfiguration(STREAMS, "?").update(tls);
        port = HttpFixture.freePort();
        handler = context.registerService(Handler.class, (request, response) -> response.send("secure "
                + request.path()), null);
    }

    @AfterEach
    void tearDown() throws Exception {
        handler.unregister();
        HttpFixture.reset(configAdmin);
        configAdmin.getConfiguration(STREAMS, "?").delete();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private void serveHttps(long headerTimeoutMillis) throws IOException {
        HttpFixture.serve(configAdmin, port, "tls", true, "headerTimeoutMillis", headerTimeoutMillis);
    }

    /** An HTTPS GET on a new connection: the status line and the body, or an IOException. */
    private String[] httpsGet(String path) throws IOException {
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.startHandshake();
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String[] answer = readAnswer(new BufferedInputStream(socket.getInputStream()));
            return new String[] { answer[0], answer[1], socket.getSession().getProtocol() };
        }
    }

    /** Status line and Content-Length body of one answer. */
    private static String[] readAnswer(InputStream in) throws IOException {
        String status = line(in);
        int length = 0;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            if (h.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).strip());
            }
        }
        return new String[] { status, new String(in.readNBytes(length), StandardCharsets.UTF_8) };
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the answer ended early: " + bytes);
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** Waits until an HTTPS request on the port is answered; returns that answer. */
    private String[] awaitHttps() throws InterruptedException {
        String[][] answer = new String[1][];
        Await.until(WAIT, () -> "an HTTPS answer on port " + port, () -> {
            try {
                answer[0] = httpsGet("/hello");
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return answer[0];
    }

    @Test
    void anHttpsRequestIsAnsweredOverTls13() throws Exception {
        serveHttps(10_000);

        String[] answer = awaitHttps();

        assertThat(answer[0]).isEqualTo("HTTP/1.1 200 OK");
        assertThat(answer[1]).isEqualTo("secure /hello");
        assertThat(answer[2]).isEqualTo("TLSv1.3");
    }

    @Test
    void switchingTlsOnOnTheSamePortServesHttpsThere() throws Exception {
        HttpFixture.serve(configAdmin, port);
        Await.until(WAIT, () -> "plain HTTP on port " + port, () -> {
            try (Socket s = new Socket()) {
                s.setSoTimeout(5000);
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                s.getOutputStream().write("GET /plain HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return readAnswer(new BufferedInputStream(s.getInputStream()))[1].equals("secure /plain");
            } catch (IOException notYet) {
                return false;
            }
        });

        serveHttps(10_000); // the same port and host, tls on

        assertThat(awaitHttps()[1]).isEqualTo("secure /hello");
    }

    @Test
    void aPlainHttpRequestToTheHttpsPortGetsNoHttpAnswerAndTheServerServesOn() throws Exception {
        serveHttps(10_000);
        awaitHttps();

        try (Socket plain = new Socket()) {
            plain.setSoTimeout(10_000);
            plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            plain.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] got = readUntilEnd(plain.getInputStream());
            // the JDK's server answers a record that is not TLS with nothing, or at most a TLS alert: never HTTP
            assertThat(new String(got, StandardCharsets.ISO_8859_1)).doesNotContain("HTTP/");
        }
        assertThat(httpsGet("/after")[1]).isEqualTo("secure /after");
    }

    @Test
    void aClientThatNeverStartsItsHandshakeIsCutAtTheHeaderTimeout() throws Exception {
        serveHttps(500);
        awaitHttps();

        try (Socket silent = new Socket()) {
            silent.setSoTimeout(10_000); // the header timeout is 0.5 s: far less than this guard
            silent.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            long start = System.nanoTime();
            byte[] got = readUntilEnd(silent.getInputStream());
            assertThat(got).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("cut long before the read guard")
                    .isLessThan(Duration.ofSeconds(9));
        }
        assertThat(httpsGet("/after")[1]).isEqualTo("secure /after");
    }

    /** What the server sends until it ends the connection (end of input or a reset); fails on the read guard. */
    private static byte[] readUntilEnd(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                got.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException guard) {
            throw new AssertionError("the server kept the connection open for 10 s", guard);
        } catch (SocketException reset) {
            // ended by a reset: as good as the end of input here
        }
        return got.toByteArray();
    }
}
