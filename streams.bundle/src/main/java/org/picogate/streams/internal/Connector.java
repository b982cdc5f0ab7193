package org.picogate.streams.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Timer;
import org.picogate.streams.ConnectOptions;

/**
 * Opens client connections: resolves the host, tries its addresses in DNS order until one connects, all
 * within one connect deadline on the scheduler's clock (the TLS handshake included).
 */
final class Connector {
    private final Scheduler scheduler;

    Connector(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** A connected transport; the caller wraps it into a stream. */
    Transport connect(String host, int port, ConnectOptions options, TransportFactory transports)
            throws IOException {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        InetAddress[] addresses = InetAddress.getAllByName(host);
        Duration timeout = options.connectTimeout();
        long deadline = scheduler.clock().nanoTime() + timeout.toNanos();
        IOException failure = null;
        for (InetAddress address : addresses) {
            long left = deadline - scheduler.clock().nanoTime();
            if (!timeout.isZero() && left <= 0) {
                break;
            }
            try {
                return connectOne(new InetSocketAddress(address, port), timeout.isZero() ? null
                        : Duration.ofNanos(left), transports);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure == null || failure instanceof SocketTimeoutException) {
            SocketTimeoutException timedOut = new SocketTimeoutException("connect to " + host + ":" + port
                    + " timed out after " + timeout.toMillis() + " ms");
            if (failure != null) {
                timedOut.initCause(failure);
            }
            throw timedOut;
        }
        throw failure;
    }

    private Transport connectOne(InetSocketAddress address, Duration timeout, TransportFactory transports)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        boolean[] timedOut = new boolean[1];
        Timer timer = timeout == null ? null : scheduler.callLater(timeout, () -> {
            timedOut[0] = true;
            closeQuietly(channel);
        });
        try {
            channel.connect(address);
            return transports.wrap(channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (timedOut[0]) {
                SocketTimeoutException t = new SocketTimeoutException("connect to " + address + " timed out");
                t.initCause(e);
                throw t;
            }
            throw e;
        } finally {
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}
