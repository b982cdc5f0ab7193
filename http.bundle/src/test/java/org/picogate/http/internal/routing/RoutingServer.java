package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.internal.FileResponder;
import org.picogate.http.internal.HttpLimits;
import org.picogate.http.internal.HttpServerCore;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.Stream;
import org.picogate.streams.testing.Pipe;

/**
 * {@link Routing} behind the real HTTP connection code, on virtual time: each {@link #send} opens an in-memory
 * connection, sends one request in a task and returns the task that reads the reply. Paths under {@code /static}
 * stand for the static files (the unrouted step): {@code /static/here} is "served", others are 404.
 */
final class RoutingServer implements AutoCloseable {
    static final Duration GRACE = Duration.ofSeconds(2);

    /** A reply as the client read it; header names lower-cased. */
    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    final VirtualClock clock = VirtualClock.create().settleTimeout(Duration.ofMillis(20));
    final TestScheduler scheduler = TestScheduler.start(clock, "routing-test");
    final Routing routing = new Routing(scheduler, GRACE);
    private final HttpServerCore core;
    private final List<Pipe> pipes = new ArrayList<>();

    RoutingServer() {
        Handler statics = (request, response) -> {
            if (!request.path().equals("/static/here")) {
                throw new HttpException(404, "Not Found");
            }
            response.send("a static file");
        };
        Handler dispatch = (request, response) -> routing.handle(request, response, statics);
        core = new HttpServerCore(scheduler, () -> HttpLimits.DEFAULTS, () -> dispatch, new FileResponder(true));
    }

    /** Sends {@code method target} on a new connection; the task ends with the reply. */
    Task<Reply> send(String method, String target) {
        Pipe pipe = Pipe.open(scheduler);
        pipes.add(pipe);
        scheduler.spawn("connection", () -> {
            core.handle(pipe.right());
            return null;
        });
        Stream client = pipe.left();
        return scheduler.spawn("client " + method + " " + target, () -> {
            client.write((method + " " + target + " HTTP/1.1\r\nHost: test\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            client.drain();
            Reply reply = read(client, method.equals("HEAD"));
            client.shutdownOutput(); // the server's connection then ends cleanly at our end of input
            return reply;
        });
    }

    /** Sends and waits for the reply. */
    Reply exchange(String method, String target) throws Exception {
        return send(method, target).join();
    }

    private static Reply read(Stream client, boolean head) throws IOException {
        String statusLine = client.readLine(1000);
        assertThat(statusLine).as("status line").isNotNull().startsWith("HTTP/1.1 ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = client.readLine(8000); !line.isEmpty(); line = client.readLine(8000)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(), line.substring(colon + 1).strip());
        }
        String length = headers.get("content-length");
        String body = head || length == null ? ""
                : new String(client.readExactly(Integer.parseInt(length)), StandardCharsets.UTF_8);
        return new Reply(Integer.parseInt(statusLine.substring(9, 12)), headers, body);
    }

    @Override
    public void close() {
        pipes.forEach(Pipe::close);
        scheduler.close();
    }
}
