package org.picogate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener on 127.0.0.1 that never accepts, its accept queue filled: a connect to it hangs (the kernel drops the
 * SYN), the one way found to make a loopback connect wait (the streams' tests use the same).
 */
final class HangingListener implements AutoCloseable {
    /** A loopback handshake takes microseconds; a dropped SYN is retried after a second. */
    private static final long PENDING_MILLIS = 200;
    private static final int MAX_FILLERS = 64;

    private final ServerSocketChannel listener;
    private final List<SocketChannel> fillers = new ArrayList<>();

    HangingListener() throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(ClientFixture.HOST, 0), 1);
        boolean full = false;
        try (Selector selector = Selector.open()) {
            while (!full && fillers.size() < MAX_FILLERS) {
                full = !connectsAtOnce(selector);
            }
        }
        assertThat(full).as("the accept queue of a loopback listener filled up").isTrue();
    }

    int port() {
        return listener.socket().getLocalPort();
    }

    private boolean connectsAtOnce(Selector selector) throws IOException {
        SocketChannel c = SocketChannel.open();
        fillers.add(c);
        c.configureBlocking(false);
        if (c.connect(new InetSocketAddress(ClientFixture.HOST, port()))) {
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
