package org.picogate.streams.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * kernel drops the SYN and the client retransmits), which loopback otherwise never does. That is the one
 * reliable way found to make a local connect wait: a refused port fails at once and no loopback address is
 * unroutable.
 *
 * <p>The queue is filled with non-blocking connects until one stays pending; where the platform never lets one
 * stay pending, tests using this are skipped, not failed.
 */
final class FullBacklog implements AutoCloseable {
    /** Long enough for a loopback handshake, which takes microseconds; a dropped SYN is retried after 1 s. */
    private static final long PENDING_MILLIS = 200;
    private static final int MAX_FILLERS = 64;

    private final ServerSocketChannel listener;
    private final List<SocketChannel> fillers = new ArrayList<>();

    FullBacklog() throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(Loopback.HOST, 0), 1);
        boolean full = false;
        try (Selector selector = Selector.open()) {
            while (!full && fillers.size() < MAX_FILLERS) {
                full = !connectsAtOnce(selector);
            }
        }
        assumeTrue(full, "the accept queue of a loopback listener never filled up: connects cannot be made to hang");
    }

    int port() {
        return listener.socket().getLocalPort();
    }

    private boolean connectsAtOnce(Selector selector) throws IOException {
        SocketChannel c = SocketChannel.open();
        fillers.add(c);
        c.configureBlocking(false);
        if (c.connect(new InetSocketAddress(Loopback.HOST, port()))) {
            return true;
        }
        SelectionKey key = c.register(selector, SelectionKey.OP_CONNECT);
        boolean ready = selector.select(PENDING_MILLIS) > 0 && c.finishConnect();
        key.cancel();
        selector.selectedKeys().clear();
        return ready;
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel c : fillers) {
            c.close();
        }
        listener.close();
    }
}
