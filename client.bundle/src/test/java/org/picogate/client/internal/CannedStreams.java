package org.picogate.client.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.picogate.scheduler.Scheduler;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamHandler;
import org.picogate.streams.StreamServer;
import org.picogate.streams.StreamService;
import org.picogate.streams.testing.Pipe;

/**
 * A {@link StreamService} whose connections are in-memory {@link Pipe}s with a canned answer: the first
 * connection reads {@code answer} and then the server's end of input, every later one (a redirect, a retry)
 * reads end of input at once. What the client writes is buffered and never read. No sockets, no waiting: a
 * session on it reads a response exactly as it would from the network.
 */
final class CannedStreams implements StreamService {
    private final Scheduler scheduler;
    private final byte[] answer;
    private final List<Pipe> pipes = new ArrayList<>();

    CannedStreams(Scheduler scheduler, byte[] answer) {
        this.scheduler = scheduler;
        this.answer = answer;
    }

    @Override
    public Stream connect(String host, int port, ConnectOptions options) throws IOException {
        Pipe pipe = Pipe.open(scheduler);
        Stream server = pipe.right();
        if (pipes.isEmpty()) {
            server.write(answer);
        }
        server.shutdownOutput();
        pipes.add(pipe);
        return pipe.left();
    }

    @Override
    public Stream connect(String host, int port) throws IOException {
        return connect(host, port, ConnectOptions.defaults());
    }

    @Override
    public StreamServer listen(ListenOptions options, StreamHandler handler) {
        throw new UnsupportedOperationException("a client-side fake");
    }

    /** Connections opened so far. */
    int connections() {
        return pipes.size();
    }

    /** Aborts every pipe. */
    void closeAll() {
        pipes.forEach(Pipe::close);
    }
}
