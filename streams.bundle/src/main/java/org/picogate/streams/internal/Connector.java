package org.picogate.streams.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import org.picogate.scheduler.CancelledException;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Timer;
import org.picogate.streams.ConnectOptions;

/**
 * Opens client connections: resolves the host, tries its addresses in DNS order until one connects, all
 * within one connect deadline on the scheduler's clock (the name lookup and the TLS handshake included).
 *
 * <p>When every address fails, the first failure is thrown with the others suppressed, except that a connect
 * that ran out of time throws {@link SocketTimeoutException} whatever the earlier addresses did.
 */
final class Connector {

    /** Turns a host name into the addresses to try, in order. */
    @FunctionalInterface
    interface Resolver {
        Resolver SYSTEM = InetAddress::getAllByName;

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Scheduler scheduler;
    private final Resolver resolver;

    Connector(Scheduler scheduler) {
        this(scheduler, Resolver.SYSTEM);
    }

    Connector(Scheduler scheduler, Resolver resolver) {
        this.scheduler = scheduler;
        this.resolver = resolver;
    }

    /** A connected transport; the caller wraps it into a stream. */
    Transport connect(String host, int port, ConnectOptions options, TransportFactory transports)
            throws IOException {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        Duration timeout = options.connectTimeout();
        long deadline = scheduler.clock().nanoTime() + timeout.toNanos();
        InetAddress[] addresses = resolver.resolve(host);
        IOException failure = null;
        boolean timedOut = false;
        for (InetAddress address : addresses) {
            long left = deadline - scheduler.clock().nanoTime();
            if (!timeout.isZero() && left <= 0) {
                timedOut = true;
                break;
            }
            try {
                return connectOne(new InetSocketAddress(address, port), timeout.isZero() ? null
                        : Duration.ofNanos(left), transports);
            } catch (IOException e) {
                failure = collect(failure, e);
                if (e instanceof SocketTimeoutException) {
                    timedOut = true; // that address had all the time that was left
                    break;
                }
            }
        }
        if (timedOut) {
            SocketTimeoutException t = new SocketTimeoutException("connect to " + host + ":" + port
                    + " timed out after " + timeout.toMillis() + " ms");
            if (failure != null) {
                t.initCause(failure);
            }
            throw t;
        }
        if (failure == null) {
            throw new UnknownHostException(host + ": no addresses");
        }
        throw failure;
    }

    private static IOException collect(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /**
     * One address; {@code timeout} ({@code null} for none) closes the channel, which ends a blocked connect or
     * handshake. Whether the timer fired is told by its {@code cancel()}, which returns false once it has.
     */
    private Transport connectOne(InetSocketAddress address, Duration timeout, TransportFactory transports)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        Timer timer = timeout == null ? null : scheduler.callLater(timeout, () -> Channels.close(channel));
        Transport transport;
        try {
            channel.connect(address);
            transport = transports.wrap(channel);
        } catch (IOException | RuntimeException e) {
            Channels.close(channel);
            if (timer != null && !timer.cancel()) {
                throw timedOut(address, e);
            }
            if (e instanceof ClosedByInterruptException || e instanceof InterruptedIOException
                    || Thread.currentThread().isInterrupted()) {
                Thread.interrupted();
                CancelledException cancelled = new CancelledException(
                        Thread.currentThread().getName() + " was cancelled while connecting to " + address);
                cancelled.initCause(e);
                throw cancelled;
            }
            if (e instanceof ConnectException) { // the JDK's message names no address: "Connection refused"
                ConnectException named = new ConnectException("connect to " + address + ": " + e.getMessage());
                named.initCause(e);
                throw named;
            }
            throw e;
        }
        if (timer != null && !timer.cancel()) { // fired just as the connect succeeded: it closes the channel
            transport.abort();
            throw timedOut(address, null);
        }
        return transport;
    }

    private static SocketTimeoutException timedOut(InetSocketAddress address, Exception cause) {
        SocketTimeoutException t = new SocketTimeoutException("connect to " + address + " timed out");
        if (cause != null) {
            t.initCause(cause);
        }
        return t;
    }
}
