package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.http.Handler;
import org.picogate.http.internal.HttpTestConnection.Reply;
import org.picogate.scheduler.Task;

/**
 * Every limit of {@link HttpLimits} crossed through the whole connection loop (not only the parser), on an
 * in-memory pipe and virtual time: a request just at the limit is answered 200, one just over gets its status,
 * {@code Connection: close}, and the connection is closed. Plus the timeouts, {@code OPTIONS *}, and chunked both
 * ways in one exchange.
 */
@Timeout(60) // only so that a hang fails the build instead of stalling it; nothing here measures wall time
class HttpLimitsTest extends HttpConnectionFixture {
    private static final int LINE = 64;
    private static final int HEADER_BYTES = 128;
    private static final int HEADERS = 4;
    private static final long BODY = 16;
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final int REQUESTS = 3;

    private final AtomicInteger handled = new AtomicInteger();
    private final AtomicReference<Handler> handler = new AtomicReference<>(
            (req, resp) -> resp.send("got " + req.body().length));
    private final HttpLimits limits = new HttpLimits(LINE, HEADER_BYTES, HEADERS, BODY, HEADER_TIMEOUT,
            IDLE_TIMEOUT, REQUESTS);

    @Override
    HttpTestConnection open() {
        Handler counting = (req, resp) -> {
            handled.incrementAndGet();
            handler.get().handle(req, resp);
        };
        return new HttpTestConnection("http-limits-test", () -> limits, () -> counting);
    }

    /** Reads the refusal: its status, {@code Connection: close}, then the end of the connection. */
    private void assertRefusedAndClosed(int status) throws IOException {
        Reply r = read();
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("connection")).isEqualTo("close");
        assertThat(serverClosedConnection()).as("closed after " + status).isTrue();
    }

    /** A request line of exactly {@code bytes} bytes, CR LF included. */
    private static String requestLine(int bytes) {
        return "GET /" + "a".repeat(bytes - "GET / HTTP/1.1\r\n".length()) + " HTTP/1.1\r\n";
    }

    /** {@code Host: gw} plus one padding field: header lines of exactly {@code bytes} bytes, CR LF included. */
    private static String headersOf(int bytes) {
        String host = "Host: gw\r\n";
        return host + "X-Pad: " + "p".repeat(bytes - host.length() - "X-Pad: \r\n".length()) + "\r\n";
    }

    private static String chunked(long bytes) {
        String data = "b".repeat((int) bytes);
        int half = data.length() / 2;
        return Integer.toHexString(half) + "\r\n" + data.substring(0, half) + "\r\n"
                + Integer.toHexString(data.length() - half) + "\r\n" + data.substring(half) + "\r\n0\r\n\r\n";
    }

    // ---- request line ----

    @Test
    void requestLineAtTheLimitIsServed() throws Exception {
        String line = requestLine(LINE);
        assertThat(line).hasSize(LINE);
        send(line + "Host: gw\r\n\r\n");
        Reply r = read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("connection")).isNull();
    }

    @Test
    void requestLineOverTheLimitIs414AndClosed() throws Exception {
        send(requestLine(LINE + 1) + "Host: gw\r\n\r\n");
        assertRefusedAndClosed(414);
        assertThat(handled).hasValue(0);
    }

    // ---- header bytes ----

    @Test
    void headerBytesAtTheLimitAreServed() throws Exception {
        String fields = headersOf(HEADER_BYTES);
        assertThat(fields).hasSize(HEADER_BYTES);
        send("GET / HTTP/1.1\r\n" + fields + "\r\n");
        assertThat(read().status()).isEqualTo(200);
    }

    @Test
    void headerBytesOverTheLimitAre431AndClosed() throws Exception {
        send("GET / HTTP/1.1\r\n" + headersOf(HEADER_BYTES + 1) + "\r\n");
        assertRefusedAndClosed(431);
        assertThat(handled).hasValue(0);
    }

    // ---- header count ----

    @Test
    void headerCountAtTheLimitIsServed() throws Exception {
        send("GET / HTTP/1.1\r\nHost: gw\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n");
        assertThat(read().status()).isEqualTo(200);
    }

    @Test
    void headerCountOverTheLimitIs431AndClosed() throws Exception {
        send("GET / HTTP/1.1\r\nHost: gw\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n");
        assertRefusedAndClosed(431);
        assertThat(handled).hasValue(0);
    }

    // ---- body ----

    /** Sends a POST whose body is {@link #BODY} bytes: it is read whole, and the connection serves on. */
    private void assertBodyAtTheLimitServed(String post) throws IOException {
        send(post);
        Reply r = read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("got " + BODY);
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(read().status()).isEqualTo(200);
    }

    @Test
    void contentLengthBodyAtTheLimitIsServed() throws Exception {
        assertBodyAtTheLimitServed("POST / HTTP/1.1\r\nHost: gw\r\nContent-Length: " + BODY + "\r\n\r\n"
                + "b".repeat((int) BODY));
    }

    @Test
    void contentLengthBodyOverTheLimitIs413AndClosed() throws Exception {
        send("POST / HTTP/1.1\r\nHost: gw\r\nContent-Length: " + (BODY + 1) + "\r\n\r\n"
                + "b".repeat((int) BODY + 1));
        assertRefusedAndClosed(413);
        assertThat(handled).hasValue(0); // refused from the head alone
    }

    @Test
    void chunkedBodyAtTheLimitIsServed() throws Exception {
        assertBodyAtTheLimitServed("POST / HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunked(BODY));
    }

    @Test
    void chunkedBodyOverTheLimitReadByTheHandlerIs413AndClosed() throws Exception {
        send("POST / HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(BODY + 1)
                + "GET /smuggled HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertRefusedAndClosed(413);
        assertThat(handled).hasValue(1);
    }

    @Test
    void handlerReadingABodyLargerThanMaxBodyGets413AnsweredAndClosed() throws Exception {
        handler.set((req, resp) -> {
            try (InputStream in = req.bodyStream()) {
                byte[] buffer = new byte[4];
                while (in.read(buffer) >= 0) {
                    // reads in small pieces: the 413 comes in the middle of the body
                }
            }
            resp.send("never");
        });
        send("POST / HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "8\r\n12345678\r\n8\r\n12345678\r\n1\r\nX\r\n0\r\n\r\n");
        Reply r = read();
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("connection")).isEqualTo("close");
        assertThat(r.body()).doesNotContain("never");
        assertThat(serverClosedConnection()).isTrue();
    }

    @Test
    void chunkedBodyOverTheLimitNotReadByTheHandlerClosesAfterTheAnswer() throws Exception {
        handler.set((req, resp) -> resp.send("ignored the body"));
        send("POST / HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(BODY + 1)
                + "GET /smuggled HTTP/1.1\r\nHost: gw\r\n\r\n");
        Reply r = read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ignored the body");
        assertThat(serverClosedConnection()).isTrue();
        assertThat(handled).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(server.state()).isNotEqualTo(Task.State.FAILED); // the over-long body ended it, not a crash
    }

    // ---- timeouts ----

    @Test
    void slowlorisIsCutOffAtTheHeaderTimeoutFromItsFirstByte() throws Exception {
        clock.advance(Duration.ofSeconds(5)); // idle before the first byte: not counted in the header timeout
        String request = "GET / HTTP/1.1\r\nHost: gw\r\nX-Slow: " + "s".repeat(40) + "\r\n\r\n";
        send(request.substring(0, 1));
        for (int second = 1; second < HEADER_TIMEOUT.toSeconds(); second++) {
            clock.advance(Duration.ofSeconds(1));
            send(request.substring(second, second + 1)); // every read makes progress
            assertThat(server.state()).as("at second " + second).isEqualTo(Task.State.RUNNING);
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(serverClosedConnection()).isTrue(); // no answer: cut off
        assertThat(handled).hasValue(0);
    }

    @Test
    void idleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(read().status()).isEqualTo(200);
        clock.advance(IDLE_TIMEOUT.minusSeconds(1));
        assertThat(server.state()).isEqualTo(Task.State.RUNNING);
        send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n"); // activity restarts the idle clock
        assertThat(read().status()).isEqualTo(200);
        clock.advance(IDLE_TIMEOUT.minusSeconds(1));
        assertThat(server.state()).isEqualTo(Task.State.RUNNING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(serverClosedConnection()).isTrue();
    }

    @Test
    void aClientThatStallsInItsBodyIsCutAfterTheIdleTimeoutBetweenReads() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        handler.set((req, resp) -> {
            req.body();
            handled.incrementAndGet();
            resp.send("read");
        });
        send("POST / HTTP/1.1\r\nHost: gw\r\nContent-Length: 10\r\n\r\nabc");
        clock.advance(IDLE_TIMEOUT.minusSeconds(1));
        assertThat(server.state()).isEqualTo(Task.State.RUNNING);
        send("def"); // a few bytes do not restart the wait: 64 KiB must come per idle timeout (BodyRateTest)
        clock.advance(Duration.ofSeconds(1));
        assertThat(serverClosedConnection()).isTrue(); // cut: the body never ended, no answer is owed
        assertThat(handled).hasValue(0);
    }

    @Test
    void connectionThatNeverSendsIsClosedAfterTheIdleTimeout() throws Exception {
        clock.advance(IDLE_TIMEOUT.minusSeconds(1));
        assertThat(server.state()).isEqualTo(Task.State.RUNNING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(serverClosedConnection()).isTrue();
    }

    // ---- requests per connection ----

    @Test
    void maxRequestsPerConnectionEndsTheConnectionAfterTheLastOne() throws Exception {
        handler.set((req, resp) -> resp.send(req.path()));
        send("GET /1 HTTP/1.1\r\nHost: gw\r\n\r\nGET /2 HTTP/1.1\r\nHost: gw\r\n\r\n"
                + "GET /3 HTTP/1.1\r\nHost: gw\r\n\r\nGET /4 HTTP/1.1\r\nHost: gw\r\n\r\n");
        Reply first = read();
        Reply second = read();
        Reply third = read();
        assertThat(first.body()).isEqualTo("/1");
        assertThat(first.header("connection")).isNull();
        assertThat(second.header("connection")).isNull();
        assertThat(third.body()).isEqualTo("/3");
        assertThat(third.header("connection")).isEqualTo("close");
        assertThat(serverClosedConnection()).isTrue();
        assertThat(handled).hasValue(REQUESTS);
    }

    // ---- OPTIONS * ----

    @Test
    void serverWideOptionsIsAnsweredByTheServerNotTheHandler() throws Exception {
        send("OPTIONS * HTTP/1.1\r\nHost: gw\r\n\r\n");
        Reply r = read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("allow")).contains("GET", "HEAD", "OPTIONS");
        assertThat(r.header("content-length")).isEqualTo("0"); // RFC 9110 9.3.7 MUST
        assertThat(r.header("connection")).isNull();
        assertThat(handled).hasValue(0);
        send("OPTIONS /resource HTTP/1.1\r\nHost: gw\r\n\r\n"); // a resource's OPTIONS is the application's
        assertThat(read().status()).isEqualTo(200);
        assertThat(handled).hasValue(1);
    }

    @Test
    void serverWideOptionsWithABodyKeepsTheConnectionAligned() throws Exception {
        send("OPTIONS * HTTP/1.1\r\nHost: gw\r\nContent-Length: 3\r\n\r\nabcGET /next HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(read().status()).isEqualTo(200);
        Reply next = read();
        assertThat(next.status()).isEqualTo(200);
        assertThat(handled).hasValue(1);
    }

    // ---- chunked both ways ----

    @Test
    void chunkedRequestAndChunkedResponseInOneExchange() throws Exception {
        handler.set((req, resp) -> {
            try (InputStream in = req.bodyStream(); OutputStream out = resp.output()) {
                byte[] buffer = new byte[3];
                for (int n; (n = in.read(buffer)) >= 0;) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        });
        send("POST /echo HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: dropped\r\n\r\n"
                + "POST /echo HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
        Reply r = read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("transfer-encoding")).isEqualTo("chunked");
        assertThat(r.body()).isEqualTo("hello world");
        assertThat(r.headers()).doesNotContainKey("x-trailer");
        Reply next = read();
        assertThat(next.body()).isEqualTo("abc");
    }
}
