package org.picogate.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.picogate.streams.internal.Loopback.sendLine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Task;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.testing.FullBacklog;

/**
 * {@code connect}: name resolution, every address tried in order, and the connect timeout on the virtual
 * clock. A connect that hangs is made with {@link FullBacklog}; its timeout fires when the clock is advanced.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectTest {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final InetAddress IPV6_LOOPBACK = address("::1");
    private static final InetAddress IPV4_LOOPBACK = address("127.0.0.1");

    private final Loopback loopback = new Loopback();
    /** Set once the connect being tested has resolved its host, and so has started its deadline. */
    private final Event resolved = loopback.scheduler.event();

    /** A port whose connects hang; the test is skipped where the platform cannot make one. */
    private static FullBacklog hangingPort() throws IOException {
        FullBacklog backlog = FullBacklog.open();
        if (!backlog.full()) {
            backlog.close();
        }
        assumeTrue(backlog.full(), "the accept queue of a loopback listener never filled up: connects cannot be"
                + " made to hang");
        return backlog;
    }

    @AfterEach
    void release() {
        loopback.close();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A factory whose connects resolve every host name to {@code addresses}, in this order. */
    private StreamFactory resolvingTo(InetAddress... addresses) {
        return new StreamFactory(loopback.scheduler, () -> StreamSettings.DEFAULTS,
                new Connector(loopback.scheduler, host -> {
                    resolved.set();
                    return addresses.clone();
                }));
    }

    /** Connects in a task, which returns the stream or the IOException it failed with. */
    private Task<Object> connectInTask(StreamFactory factory, int port) {
        Task<Object> connecting = loopback.scheduler.spawn("connect", () -> {
            try {
                return factory.connect("gateway.test", port,
                        ConnectOptions.defaults().withConnectTimeout(CONNECT_TIMEOUT), null);
            } catch (IOException e) {
                return e;
            }
        });
        resolved.await();
        return connecting;
    }

    @Test
    void aNameThatDoesNotResolveFailsWithUnknownHostException() {
        // .invalid never resolves (RFC 6761)
        assertThatThrownBy(() -> loopback.factory.connect("no-such-host.invalid", 80, ConnectOptions.defaults(), null))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void everyAddressIsTriedInOrderSoAnIpv4OnlyServerIsReachedWhenIpv6ComesFirst() throws Exception {
        StreamServerImpl server = loopback.listen(s -> sendLine(s, "hello over " + s.localAddress()));
        Stream client = resolvingTo(IPV6_LOOPBACK, IPV4_LOOPBACK).connect("localhost", server.port(),
                ConnectOptions.defaults(), null);
        assertThat(((InetSocketAddress) client.remoteAddress()).getAddress()).isEqualTo(IPV4_LOOPBACK);
        assertThat(client.readLine(100)).startsWith("hello over /127.0.0.1:");
        client.close();
    }

    @Test
    void localhostReachesAServerBoundTo127001WhateverTheSystemResolverReturns() throws Exception {
        StreamServerImpl server = loopback.listen(s -> sendLine(s, "hi"));
        Stream client = loopback.factory.connect("localhost", server.port(), ConnectOptions.defaults(), null);
        assertThat(client.readLine(100)).isEqualTo("hi");
        client.close();
    }

    @Test
    void whenEveryAddressFailsTheFirstFailureIsThrownWithTheOthersAndEachNamesItsAddress() throws Exception {
        StreamServerImpl closed = loopback.listen(s -> { });
        int port = closed.port();
        closed.close();
        IOException failure = (IOException) assertThatThrownBy(() -> resolvingTo(IPV6_LOOPBACK, IPV4_LOOPBACK)
                .connect("gateway.test", port, ConnectOptions.defaults(), null)).isInstanceOf(IOException.class)
                .actual();
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(ConnectException.class)
                .satisfies(e -> assertThat(e).hasMessageContaining("127.0.0.1:" + port));
    }

    @Test
    void aConnectThatHangsTimesOutOnTheVirtualClock() throws Exception {
        try (FullBacklog hanging = hangingPort()) {
            Task<Object> connecting = connectInTask(resolvingTo(IPV4_LOOPBACK), hanging.port());
            loopback.clock.advance(CONNECT_TIMEOUT.minusMillis(1));
            assertThat(connecting.state()).isEqualTo(Task.State.RUNNING);
            loopback.clock.advance(Duration.ofMillis(1));

            assertThat(connecting.join()).asInstanceOf(throwable(SocketTimeoutException.class))
                    .hasMessage("connect to gateway.test:" + hanging.port() + " timed out after 5000 ms");
            assertThat(loopback.clock.nanoTime()).isEqualTo(CONNECT_TIMEOUT.toNanos());
        }
    }

    @Test
    void theTimeoutCoversEveryAddressAndWinsOverEarlierFailures() throws Exception {
        try (FullBacklog hanging = hangingPort()) {
            // ::1 is refused at once (the listener is on 127.0.0.1 only); 127.0.0.1 then hangs
            Task<Object> connecting = connectInTask(resolvingTo(IPV6_LOOPBACK, IPV4_LOOPBACK), hanging.port());
            loopback.clock.advance(CONNECT_TIMEOUT);

            assertThat(connecting.join()).asInstanceOf(throwable(SocketTimeoutException.class))
                    .hasMessageContaining("after 5000 ms")
                    .cause().isNotNull(); // what ::1 said
        }
    }

    @Test
    void cancellingAConnectEndsItAsACancellation() throws Exception {
        try (FullBacklog hanging = hangingPort()) {
            Task<Object> connecting = connectInTask(resolvingTo(IPV4_LOOPBACK), hanging.port());
            connecting.cancel();
            assertThatThrownBy(connecting::join).isInstanceOf(CancellationException.class);
            assertThat(connecting.state()).isEqualTo(Task.State.CANCELLED);
        }
    }

    @Test
    void portsOutsideTheRangeAreRejected() {
        for (int port : new int[] { 0, -1, 65536 }) {
            assertThatThrownBy(() -> loopback.factory.connect(Loopback.HOST, port, ConnectOptions.defaults(), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..65535");
        }
    }
}
