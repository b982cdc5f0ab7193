package org.picogate.streams.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A listening socket on 127.0.0.1 that never accepts, with its accept queue full: a connect to it hangs (the
 * kernel drops the SYN and the client retransmits), which loopback otherwise never does. That is the one reliable
 * way found to make a local connect wait, for tests of connect timeouts: a refused port fails at once and no
 * loopback address is unroutable.
 *
 * <p>The queue is filled with non-blocking connects until one stays pending. Some platforms never let one stay
 * pending: {@link #full()} says whether it worked, and the test decides whether that skips or fails it.
 *
 * @since 1.1
 */
public final class FullBacklog implements AutoCloseable {
    /** The address it listens on. */
    public static final String HOST = "127.0.0.1";
    /** Long enough for a loopback handshake, which takes microseconds; a dropped SYN is retried after 1 s. */
    private static final long PENDING_MILLIS = 200;
    private static final int MAX_FILLERS = 64;

    private final ServerSocketChannel listener;
    private final List<SocketChannel> fillers = new ArrayList<>();
    private final boolean full;

    private FullBacklog() throws IOException {
        listener = ServerSocketChannel.open();
        try {
            listener.bind(new InetSocketAddress(HOST, 0), 1);
            boolean filled = false;
            try (Selector selector = Selector.open()) {
                while (!filled && fillers.size() < MAX_FILLERS) {
                    filled = !connectsAtOnce(selector);
                }
            }
            full = filled;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens the listener on a port the system chooses and fills its accept queue. */
    public static FullBacklog open() throws IOException {
        return new FullBacklog();
    }

    /** Whether its accept queue filled up, so that a connect to {@link #port()} hangs. */
    public boolean full() {
        return full;
    }

    /** The port on {@link #HOST}. */
    public int port() {
        return listener.socket().getLocalPort();
    }

    private boolean connectsAtOnce(Selector selector) throws IOException {
        SocketChannel c = SocketChannel.open();
        fillers.add(c);
        c.configureBlocking(false);
        if (c.connect(new InetSocketAddress(HOST, port()))) {
            return true;
        }
        SelectionKey key = c.register(selector, SelectionKey.OP_CONNECT);
        boolean ready = selector.select(PENDING_MILLIS) > 0 && c.finishConnect();
        key.cancel();
        selector.selectedKeys().clear();
        return ready;
    }

    /** Closes the listener and the connections that filled its queue. */
    @Override
    public void close() throws IOException {
        for (SocketChannel c : fillers) {
            c.close();
        }
        listener.close();
    }
}
