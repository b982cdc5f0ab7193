package org.picogate.itests.echo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamServer;
import org.picogate.streams.StreamService;

/**
 * A consumer bundle with a server that it leaves open: on activation it opens an echo server (lines) on
 * 127.0.0.1 at a port the system chooses, and never closes it. The streams bundle must, when this bundle
 * stops. As an {@link IntSupplier} service it tells the port.
 */
@Component(service = IntSupplier.class, property = "picogate.itest=echo", immediate = true)
public final class EchoServer implements IntSupplier {
    private final StreamServer server;

    @Activate
    public EchoServer(@Reference StreamService streams) throws IOException {
        server = streams.listen(ListenOptions.port(0).withHost("127.0.0.1").withName("itest-echo"),
                EchoServer::echo);
    }

    private static void echo(Stream stream) throws IOException {
        for (String line = stream.readLine(1024); line != null; line = stream.readLine(1024)) {
            stream.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stream.drain();
        }
    }

    @Override
    public int getAsInt() {
        return server.port();
    }
}
