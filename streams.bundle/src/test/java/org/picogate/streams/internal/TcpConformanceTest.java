package org.picogate.streams.internal;

import java.net.InetSocketAddress;

import org.picogate.scheduler.Channel;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Scheduler;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.testing.StreamConformanceTest;

/** Plain TCP over loopback: the client end against the stream a real server accepted. */
class TcpConformanceTest extends StreamConformanceTest {

    /** A server on 127.0.0.1 whose handler hands its stream over and keeps it until the test ends. */
    static Connection connect(Scheduler scheduler, ListenOptions listen, ConnectOptions connect) throws Exception {
        StreamFactory factory = new StreamFactory(scheduler, StreamSettings.DEFAULTS);
        Channel<Stream> accepted = scheduler.channel(1);
        Event testOver = scheduler.event();
        StreamServerImpl server = factory.listen(listen.withHost("127.0.0.1"), stream -> {
            accepted.send(stream);
            testOver.await();
        }, s -> { });
        Stream client = factory.connect("127.0.0.1", server.port(), connect, null);
        Stream serverSide = accepted.receive();
        assert ((InetSocketAddress) serverSide.remoteAddress()).getPort()
                == ((InetSocketAddress) client.localAddress()).getPort();
        return new Connection(client, serverSide, () -> {
            testOver.set();
            server.close();
        });
    }

    @Override
    protected Connection connect(Scheduler scheduler) throws Exception {
        return connect(scheduler, ListenOptions.port(0), ConnectOptions.defaults());
    }
}
