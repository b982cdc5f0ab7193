package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamServer;
import org.picogate.streams.StreamService;
import org.picogate.streams.TlsContexts;

/**
 * The StreamService as a consumer bundle sees it in a real framework: an echo server started through the service
 * registry answers {@code connect} over loopback (plain TCP, TLS with contexts in the options, TLS with the key
 * store configured through Config Admin), and {@code picogate:conns} lists it.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class StreamServiceTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    StreamService streams;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    static final String STREAMS_PID = "org.picogate.streams";

    @TempDir
    static Path dir;
    /** For localhost and 127.0.0.1; made once for the class (keytool takes a few hundred ms). */
    static TestKeyStore keys;

    @BeforeAll
    static void keyStore() throws Exception {
        keys = TestKeyStore.create(dir);
    }

    /** Plain TCP on 127.0.0.1. */
    static final ListenOptions PLAIN_LISTEN = ListenOptions.port(0).withHost("127.0.0.1").withName("itest-echo-plain");
    static final ConnectOptions PLAIN_CONNECT = ConnectOptions.defaults();

    @Test
    void echoServerAnswersOverPlainTcp() throws Exception {
        assertEchoes(PLAIN_LISTEN, PLAIN_CONNECT);
    }

    /** TLS with contexts in the options, from a key store made at test time (which the client trusts). */
    @Test
    void echoServerAnswersOverTlsWithAContextInTheOptions() throws Exception {
        assertEchoes(PLAIN_LISTEN.withName("itest-echo-tls").withTls(TlsContexts.server(keys.file,
                keys.passwordChars())), tlsConnect());
    }

    /**
     * TLS with the server context configured for PID org.picogate.streams through Config Admin: refused with a
     * clear message before the key store is set, served once it is, refused again once it is deleted.
     */
    @Test
    void echoServerAnswersOverTheConfiguredTls() throws Exception {
        ListenOptions listen = PLAIN_LISTEN.withName("itest-echo-configured-tls").withConfiguredTls();
        assertThatThrownBy(() -> streams.listen(listen, StreamServiceTest::echoLines)).isInstanceOf(IOException.class)
                .hasMessageContaining(STREAMS_PID).hasMessageContaining("tlsKeyStore");

        Configuration config = configAdmin.getConfiguration(STREAMS_PID, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("tlsKeyStore", keys.file.toString());
        props.put("tlsKeyStorePassword", keys.password);
        try {
            config.update(props);
            Await.until(Duration.ofSeconds(10), () -> "the configured key store in force", () -> canListen(listen));
            assertEchoes(listen, tlsConnect());
        } finally {
            config.delete();
        }
        Await.until(Duration.ofSeconds(10), () -> "the key store gone with the configuration", () -> !canListen(listen));
    }

    /** A client that trusts the test key store's certificate and checks that it names 127.0.0.1. */
    private static ConnectOptions tlsConnect() throws Exception {
        return ConnectOptions.defaults().withTls(TlsContexts.client(keys.file, keys.passwordChars()));
    }

    /** Whether {@code listen} succeeds now (the server is closed at once). */
    private boolean canListen(ListenOptions listen) {
        try {
            streams.listen(listen, StreamServiceTest::echoLines).close();
            return true;
        } catch (IOException noConfiguredTls) {
            return false;
        }
    }

    /** Starts an echo server with {@code listen}, talks to it with {@code connect}, closes it: port refused. */
    void assertEchoes(ListenOptions listen, ConnectOptions connect) throws Exception {
        StreamServer server = streams.listen(listen, StreamServiceTest::echoLines);
        try (Stream client = streams.connect("127.0.0.1", server.port(), connect)) {
            for (String line : new String[] { "hello", "x".repeat(5000), "bye" }) {
                client.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                client.drain();
                assertThat(client.readLine(10_000)).isEqualTo(line);
            }
            assertThat(server.stats().accepted()).isEqualTo(1);
            assertThat(server.stats().open()).isEqualTo(1);
        } finally {
            server.close();
        }
        assertThatThrownBy(() -> streams.connect("127.0.0.1", server.port(), connect))
                .isInstanceOf(ConnectException.class);
    }

    static void echoLines(Stream stream) throws IOException {
        for (String line = stream.readLine(10_000); line != null; line = stream.readLine(10_000)) {
            stream.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stream.drain();
        }
    }

    @Test
    void connsCommandListsTheServerAndItsConnection() throws Exception {
        StreamServer server = streams.listen(PLAIN_LISTEN.withName("itest-conns"), StreamServiceTest::echoLines);
        try (Stream client = streams.connect("127.0.0.1", server.port(), PLAIN_CONNECT)) {
            client.write("ping\n".getBytes(StandardCharsets.UTF_8));
            client.drain();
            assertThat(client.readLine(100)).isEqualTo("ping");

            String out = conns();
            assertThat(out).contains("itest-conns").contains(context.getBundle().getSymbolicName())
                    .contains("127.0.0.1:" + server.port() + " (" + context.getBundle().getSymbolicName() + ")");
        } finally {
            server.close();
        }
        assertThat(conns()).doesNotContain("itest-conns");
    }

    /** Runs {@code picogate:conns} as Gogo would: the command service's {@code conns()} method. */
    private String conns() throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences((String) null,
                "(&(osgi.command.scope=picogate)(osgi.command.function=conns))");
        assertThat(refs).as("the picogate:conns command service").hasSize(1);
        Object command = context.getService(refs[0]);
        try {
            return (String) command.getClass().getMethod("conns").invoke(command);
        } finally {
            context.ungetService(refs[0]);
        }
    }
}
