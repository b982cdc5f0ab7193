package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.SchedulerStats.OwnerStats;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamService;

/**
 * A bundle that stops takes its servers with it. The echo bundle (echo.jar, built from this module's main
 * classes) opens an echo server through its own StreamService and never closes it.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class StreamOwnershipTest {

    static final String ECHO = "org.picogate.itests.echo";
    static final Duration WAIT = Duration.ofSeconds(10);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    StreamService streams;

    @InjectService(timeout = 10_000)
    Scheduler scheduler;

    @Test
    void stoppingABundleClosesItsServerAndConnectionsAndARestartServesAgain() throws Exception {
        Bundle echo = install();
        try {
            echo.start();
            int port = echoPort();
            try (Stream held = streams.connect("127.0.0.1", port, ConnectOptions.defaults())) {
                assertEchoes(held, "hello");
                OwnerStats busy = scheduler.stats().owner(ECHO);
                assertThat(busy.liveTasks()).as("the accept task and one connection task").isEqualTo(2);

                echo.stop();

                assertThatThrownBy(() -> streams.connect("127.0.0.1", port, ConnectOptions.defaults()))
                        .as("a connect to the stopped bundle's port").isInstanceOf(ConnectException.class);
                assertThat(howItEnds(held)).as("the connection it had open").isIn("eof", "reset");
                assertOwnerLeftNothing();
            }

            echo.start();
            try (Stream again = streams.connect("127.0.0.1", echoPort(), ConnectOptions.defaults())) {
                assertEchoes(again, "hello again");
            }
        } finally {
            echo.uninstall();
        }
        assertOwnerLeftNothing();
    }

    /** Checked as soon as Bundle.stop() returns: its servers are closed and its tasks joined before that. */
    private void assertOwnerLeftNothing() {
        OwnerStats stats = scheduler.stats().owner(ECHO);
        assertThat(stats.liveTasks()).as("live tasks left by %s", ECHO).isZero();
        assertThat(stats.pendingTimers()).as("pending timers left by %s", ECHO).isZero();
    }

    private static void assertEchoes(Stream stream, String line) throws IOException {
        stream.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stream.drain();
        assertThat(stream.readLine(100)).isEqualTo(line);
    }

    private static String howItEnds(Stream stream) {
        try {
            return stream.read(1).length == 0 ? "eof" : "data";
        } catch (IOException reset) {
            return "reset";
        }
    }

    private Bundle install() throws Exception {
        try (InputStream jar = getClass().getResourceAsStream("/echo.jar")) {
            assertThat(jar).as("echo.jar in the tests bundle").isNotNull();
            Bundle bundle = context.installBundle("picogate-itests:echo.jar", jar);
            assertThat(bundle.getSymbolicName()).isEqualTo(ECHO);
            return bundle;
        }
    }

    /** The port of the echo bundle's server, once its component is up. */
    private int echoPort() throws Exception {
        ServiceTracker<IntSupplier, IntSupplier> tracker = new ServiceTracker<>(context,
                FrameworkUtil.createFilter("(&(objectClass=java.util.function.IntSupplier)(picogate.itest=echo))"),
                null);
        tracker.open();
        try {
            IntSupplier service = tracker.waitForService(WAIT.toMillis());
            assertThat(service).as("the echo bundle's EchoServer component").isNotNull();
            return service.getAsInt();
        } finally {
            tracker.close();
        }
    }
}
