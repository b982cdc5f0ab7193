package org.picogate.streams.internal;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/** Makes the transport of a connected socket: plain, or TLS on top of it. */
@FunctionalInterface
interface TransportFactory {
    TransportFactory PLAIN = SocketTransport::new;

    Transport wrap(SocketChannel connected) throws IOException;
}
