package org.picogate.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.picogate.streams.internal.Loopback.HOST;
import static org.picogate.streams.internal.Loopback.sendLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.ComponentContext;
import org.picogate.config.testing.ConfigProxies;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.TaskInfo;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamServer;

/**
 * A bundle that starts stopping: its servers stop accepting at once, before the framework releases the bundle's
 * services and its scheduler cancels its tasks (regression: the cancellation interrupted the accept task in
 * {@code accept}, and an interrupt that meets {@code accept} as it takes a connection makes the JDK drop that
 * connection unclosed). The framework and SCR are stand-ins; the sockets are real, and the test's clients are
 * plain sockets, outside the owner's scheduler.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OwnerStopTest {
    /** How long a client read may wait before the test counts the connection as left hanging. */
    private static final int HANG_MILLIS = 10_000;

    private final TestScheduler ownerScheduler = TestScheduler.start(VirtualClock.create(), "org.example.owner");
    private final List<BundleListener> listeners = new CopyOnWriteArrayList<>();
    private final Bundle owner = bundle(7, "org.example.owner", ownerContext(ownerScheduler));
    private final Bundle other = bundle(8, "org.example.other", null);
    private final BundleStreamService service = new BundleStreamService(
            new StreamsRuntime(ConfigProxies.of(StreamsConfig.class, Map.of()), Map.of()), standIn(
                    ServiceReference.class, Map.of()), componentContext(owner, streamsContext(listeners)));

    @AfterEach
    void tearDown() {
        service.deactivate();
        ownerScheduler.close();
    }

    @Test
    void aStoppingOwnersServersStopAcceptingBeforeItsSchedulerCancelsItsTasks() throws Exception {
        StreamServer server = service.listen(ListenOptions.port(0).withHost(HOST).withName("owned"),
                OwnerStopTest::echoLines);
        try (Socket held = connect(server.port())) {
            assertThat(echo(held, "before")).isEqualTo("before");

            deliver(BundleEvent.STOPPING, owner);

            assertThat(ownerTasks()).as("the owner's tasks once STOPPING is delivered: nothing left in accept")
                    .doesNotContain("accept owned").anyMatch(name -> name.startsWith("conn "));
            assertThatThrownBy(() -> connect(server.port()).close()).isInstanceOf(ConnectException.class);
            assertThat(echo(held, "still served")).isEqualTo("still served");

            ownerScheduler.close(); // the framework released the owner's Scheduler: its tasks are cancelled
            assertThat(howItEnds(held)).isIn("eof", "reset");
        }
    }

    @Test
    void anotherBundleStoppingOrTheOwnerStartingLeaveTheServersAccepting() throws Exception {
        StreamServer server = service.listen(ListenOptions.port(0).withHost(HOST).withName("owned"),
                OwnerStopTest::echoLines);

        deliver(BundleEvent.STOPPING, other);
        deliver(BundleEvent.STARTED, owner);

        assertThat(ownerTasks()).contains("accept owned");
        try (Socket client = connect(server.port())) {
            assertThat(echo(client, "hello")).isEqualTo("hello");
        }
    }

    @Test
    void deactivationRemovesTheListener() {
        assertThat(listeners).singleElement().isInstanceOf(SynchronousBundleListener.class);
        service.deactivate();
        assertThat(listeners).isEmpty();
    }

    // ---- the framework's part ----

    /** As the framework delivers a bundle event: STOPPING to synchronous listeners only. */
    private void deliver(int type, Bundle bundle) {
        for (BundleListener l : listeners) {
            if (type != BundleEvent.STOPPING || l instanceof SynchronousBundleListener) {
                l.bundleChanged(new BundleEvent(type, bundle));
            }
        }
    }

    private List<String> ownerTasks() {
        return ownerScheduler.tasks().stream().map(TaskInfo::name).toList();
    }

    private static Bundle bundle(long id, String name, BundleContext context) {
        return standIn(Bundle.class, Map.of("getBundleId", args -> id, "getSymbolicName", args -> name,
                "getBundleContext", args -> context));
    }

    /** The owner's context: it hands out the owner's scheduler. */
    private static BundleContext ownerContext(Scheduler scheduler) {
        return standIn(BundleContext.class, Map.of("getService", args -> scheduler, "ungetService", args -> true));
    }

    /** The streams bundle's context: it keeps the bundle listeners. */
    private static BundleContext streamsContext(List<BundleListener> listeners) {
        return standIn(BundleContext.class, Map.of("addBundleListener", args -> listeners.add((BundleListener) args[0]),
                "removeBundleListener", args -> listeners.remove(args[0])));
    }

    private static ComponentContext componentContext(Bundle using, BundleContext streams) {
        return standIn(ComponentContext.class, Map.of("getUsingBundle", args -> using, "getBundleContext",
                args -> streams));
    }

    /** A stand-in for {@code type} answering the methods named in {@code answers}; any other call fails. */
    private static <T> T standIn(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> type.getSimpleName() + " stand-in";
                    default -> {
                        Function<Object[], Object> answer = answers.get(method.getName());
                        if (answer == null) {
                            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                        }
                        yield answer.apply(args);
                    }
                }));
    }

    // ---- a server and its clients ----

    private static void echoLines(Stream s) throws IOException {
        for (String line = s.readLine(1024); line != null; line = s.readLine(1024)) {
            sendLine(s, line);
        }
    }

    /** A plain client; a read that would hang fails after {@link #HANG_MILLIS}. */
    private static Socket connect(int port) throws IOException {
        Socket s = new Socket(HOST, port);
        s.setSoTimeout(HANG_MILLIS);
        return s;
    }

    private static String echo(Socket s, String line) throws IOException {
        s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        InputStream in = s.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed after " + got);
            }
            got.write(b);
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    private static String howItEnds(Socket s) {
        try {
            int b = s.getInputStream().read();
            return b < 0 ? "eof" : "data";
        } catch (SocketTimeoutException stillOpen) {
            return "left hanging";
        } catch (IOException reset) {
            return "reset";
        }
    }
}
