package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.picogate.http.Handler;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.Stream;
import org.picogate.streams.testing.Pipe;

/**
 * One HTTP connection under test, on virtual time: the server end runs {@link HttpServerCore} in a task over an
 * in-memory {@link Pipe}; the client end sends raw requests and reads responses (length-delimited or chunked).
 */
final class HttpTestConnection implements AutoCloseable {

    /** A response as the test client read it; header names lower-cased. */
    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    final VirtualClock clock = VirtualClock.create().settleTimeout(Duration.ofMillis(20));
    private final TestScheduler scheduler;
    private final Pipe pipe;
    /** The client's end of the connection. */
    final Stream client;
    /** The task serving the server's end. */
    final Task<Object> server;

    HttpTestConnection(String name, Supplier<HttpLimits> limits, Supplier<Handler> handler) {
        this(name, limits, handler, () -> null);
    }

    /** @param accessLog the access log, or {@code null} while off (read at every request) */
    HttpTestConnection(String name, Supplier<HttpLimits> limits, Supplier<Handler> handler,
            Supplier<AccessLog> accessLog) {
        scheduler = TestScheduler.start(clock, name);
        pipe = Pipe.open(scheduler);
        client = pipe.left();
        HttpServerCore core = new HttpServerCore(scheduler, limits, handler, new FileResponder(true), accessLog);
        server = scheduler.spawn("connection", () -> {
            core.handle(pipe.right());
            return null;
        });
    }

    /** The scheduler the server runs on, for client tasks on the same virtual time. */
    TestScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        pipe.close();
        scheduler.close();
    }

    void send(String raw) throws IOException {
        client.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        client.drain();
    }

    /** The next response; the chunked framing is checked (CR LF after each chunk and after the last). */
    Reply read() throws IOException {
        String statusLine = client.readLine(1000);
        assertThat(statusLine).as("status line").isNotNull().startsWith("HTTP/1.1 ");
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = client.readLine(8000); !line.isEmpty(); line = client.readLine(8000)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(), line.substring(colon + 1).strip());
        }
        String body = "";
        if (headers.containsKey("content-length")) {
            body = new String(client.readExactly(Integer.parseInt(headers.get("content-length"))),
                    StandardCharsets.UTF_8);
        } else if ("chunked".equals(headers.get("transfer-encoding"))) {
            StringBuilder all = new StringBuilder();
            for (int size; (size = Integer.parseInt(client.readLine(100), 16)) > 0;) {
                all.append(new String(client.readExactly(size), StandardCharsets.UTF_8));
                assertThat(client.readLine(10)).isEmpty();
            }
            assertThat(client.readLine(10)).isEmpty();
            body = all.toString();
        }
        return new Reply(status, headers, body);
    }

    /** Whether the server ended the connection (end of input or a reset). */
    boolean serverClosed() throws IOException {
        try {
            return client.read(1).length == 0;
        } catch (IOException reset) {
            return true;
        }
    }
}
