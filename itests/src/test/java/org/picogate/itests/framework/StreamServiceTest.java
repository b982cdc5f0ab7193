package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamServer;
import org.picogate.streams.StreamService;

/**
 * The StreamService as a consumer bundle sees it in a real framework: an echo server started through the service
 * registry answers {@code connect} over loopback, and {@code picogate:conns} lists it.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class StreamServiceTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    StreamService streams;

    /** Plain TCP on 127.0.0.1. */
    static final ListenOptions PLAIN_LISTEN = ListenOptions.port(0).withHost("127.0.0.1").withName("itest-echo-plain");
    static final ConnectOptions PLAIN_CONNECT = ConnectOptions.defaults();

    @Test
    void echoServerAnswersOverPlainTcp() throws Exception {
        assertEchoes(PLAIN_LISTEN, PLAIN_CONNECT);
    }

    // TLS goes here: a test that calls assertEchoes with ListenOptions.withTls(...) and ConnectOptions.withTls(...)
    // built from test certificates made at test time.

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
