package org.picogate.streams.internal;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/** Ending a socket channel, the two ways every transport and the server need. */
final class Channels {
    private Channels() {
    }

    /** Closes: FIN, unsent bytes still go out. Never throws. */
    static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    /** Closes with a TCP reset (SO_LINGER 0): unsent bytes are dropped. Never throws. */
    static void reset(SocketChannel channel) {
        try {
            if (channel.isOpen()) {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
        } catch (IOException | RuntimeException closedMeanwhile) {
            // already closed: nothing to reset
        }
        close(channel);
    }
}
