package org.picogate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.picogate.client.internal.ClientFixture.assertPoolClean;
import static org.picogate.client.internal.RawHttp.ok;
import static org.picogate.client.internal.RawHttp.read;
import static org.picogate.client.internal.RawHttp.send;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.client.ClientResponse;
import org.picogate.client.HttpProtocolException;
import org.picogate.client.PoolStats;
import org.picogate.client.ServerDisconnectedException;
import org.picogate.client.SessionOptions;
import org.picogate.client.TooManyRedirectsException;
import org.picogate.streams.Stream;

/**
 * A small fault server scripted per test: each fault ends in its documented exception, and the pool is left
 * without a busy, leaked or broken connection.
 */
class FaultServerTest {
    private final ClientFixture fixture = ClientFixture.onSystemClock();

    @AfterEach
    void close() {
        fixture.close();
    }

    /**
     * Answers one request per connection with keep-alive, then closes: every pooled connection is stale. Whether
     * the client's next request meets the FIN or is written first and then meets it, it reads end of input
     * before any byte of an answer, so the outcome does not depend on timing.
     */
    private String oneRequestPerConnection(AtomicInteger connections) throws Exception {
        return fixture.rawServer(s -> {
            connections.incrementAndGet();
            if (read(s) != null) {
                send(s, ok("hello"));
            }
            s.close();
        });
    }

    @Test
    void retriesAnIdempotentRequestOnceWhenThePooledConnectionWasClosed() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        String base = oneRequestPerConnection(connections);
        SessionImpl session = fixture.session();
        assertThat(session.get(base).text()).isEqualTo("hello");
        assertThat(session.get(base).text()).isEqualTo("hello");
        PoolStats stats = session.stats();
        assertThat(stats.staleRetries()).isEqualTo(1);
        assertThat(stats.reused()).isEqualTo(1);
        assertThat(connections.get()).isEqualTo(2).isEqualTo((int) stats.created());
        assertPoolClean(session);
    }

    @Test
    void neverRetriesAPost() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        String base = oneRequestPerConnection(connections);
        SessionImpl session = fixture.session();
        assertThat(session.get(base).text()).isEqualTo("hello");
        assertThatThrownBy(() -> session.post(base).text("data").send())
                .isInstanceOf(ServerDisconnectedException.class)
                .hasMessageContaining("pooled connection before answering POST")
                .hasMessageContaining("POST is not idempotent");
        assertThat(session.stats().staleRetries()).isZero();
        assertThat(connections.get()).isEqualTo(1);
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void doesNotRetryWhenRetryStaleIsOff() throws Exception {
        String base = oneRequestPerConnection(new AtomicInteger());
        SessionImpl session = fixture.session(SessionOptions.defaults().withRetryStale(false));
        session.get(base).text();
        assertThatThrownBy(() -> session.get(base)).isInstanceOf(ServerDisconnectedException.class)
                .hasMessageContaining("retryStale is off");
        assertPoolClean(session);
    }

    @Test
    void aResetMidBodyIsAServerDisconnect() throws Exception {
        String base = fixture.rawServer(s -> {
            read(s);
            send(s, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(100));
            s.abort();
        });
        SessionImpl session = fixture.session();
        try (ClientResponse r = session.get(base)) {
            assertThat(r.status()).isEqualTo(200);
            assertThatThrownBy(r::bytes).isInstanceOf(ServerDisconnectedException.class);
        }
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
        assertThat(session.stats().discarded()).isEqualTo(1);
    }

    @Test
    void aBodyCutShortIsAServerDisconnect() throws Exception {
        String base = fixture.rawServer(s -> {
            read(s);
            send(s, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
            s.close();
        });
        SessionImpl session = fixture.session();
        assertThatThrownBy(() -> session.get(base).text()).isInstanceOf(ServerDisconnectedException.class)
                .hasMessageContaining("after 3 of 10 body bytes");
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void readsABodyDelimitedByClose() throws Exception {
        String base = fixture.rawServer(s -> {
            read(s);
            send(s, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");
            s.close();
        });
        SessionImpl session = fixture.session();
        assertThat(session.get(base).text()).isEqualTo("until the end");
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void aMalformedStatusLineIsAProtocolErrorShowingIt() throws Exception {
        String base = fixture.rawServer(s -> {
            read(s);
            send(s, "HTTP/1.1 2x0 Fine\r\n\r\n");
            s.close();
        });
        SessionImpl session = fixture.session();
        assertThatThrownBy(() -> session.get(base)).isInstanceOf(HttpProtocolException.class)
                .hasMessageContaining("malformed status line")
                .satisfies(e -> assertThat(((HttpProtocolException) e).offending())
                        .isEqualTo("\"HTTP/1.1 2x0 Fine\\r\\n\" (19 bytes)"));
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void aBadChunkSizeIsAProtocolError() throws Exception {
        String base = fixture.rawServer(s -> {
            read(s);
            send(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n");
            s.close();
        });
        SessionImpl session = fixture.session();
        assertThatThrownBy(() -> session.get(base).text()).isInstanceOf(HttpProtocolException.class)
                .hasMessageContaining("bad chunk size: \"zz\\r\\n\"");
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void chunkDataWithoutItsCrlfIsAProtocolError() throws Exception {
        String base = fixture.rawServer(s -> {
            read(s);
            send(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXY0\r\n\r\n");
            s.close();
        });
        SessionImpl session = fixture.session();
        assertThatThrownBy(() -> session.get(base).text()).isInstanceOf(HttpProtocolException.class)
                .hasMessageContaining("chunk data not followed by CRLF");
        assertPoolClean(session);
    }

    @Test
    void endlessHeadersAreAProtocolError() throws Exception {
        String base = fixture.rawServer(s -> {
            read(s);
            send(s, "HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 10_000 && s.state().canWrite(); i++) {
                send(s, "X-Endless-" + i + ": " + "v".repeat(100) + "\r\n");
            }
        });
        SessionImpl session = fixture.session();
        assertThatThrownBy(() -> session.get(base)).isInstanceOf(HttpProtocolException.class)
                .hasMessageContaining("more than 128 header fields");
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void aHeadLongerThanItsLimitIsAProtocolError() throws Exception {
        String base = fixture.rawServer(s -> {
            read(s);
            send(s, "HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 100 && s.state().canWrite(); i++) {
                send(s, "X-Big-" + i + ": " + "v".repeat(4000) + "\r\n");
            }
        });
        SessionImpl session = fixture.session();
        assertThatThrownBy(() -> session.get(base)).isInstanceOf(HttpProtocolException.class)
                .hasMessageContaining("response head longer than 65536 bytes");
        assertPoolClean(session);
    }

    @Test
    void conflictingContentLengthsAreAProtocolError() throws Exception {
        String base = fixture.rawServer(s -> {
            read(s);
            send(s, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd");
        });
        SessionImpl session = fixture.session();
        assertThatThrownBy(() -> session.get(base)).isInstanceOf(HttpProtocolException.class)
                .hasMessageContaining("Content-Length values differ");
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void aRedirectLoopEndsInTooManyRedirectsWithTheHistory() throws Exception {
        String base = fixture.rawServer(s -> {
            for (RawHttp.Request r; (r = read(s)) != null; ) {
                String next = r.requestLine().contains("/a ") ? "/b" : "/a";
                send(s, "HTTP/1.1 302 Found\r\nLocation: " + next + "\r\nContent-Length: 0\r\n\r\n");
            }
            s.close();
        });
        SessionImpl session = fixture.session(SessionOptions.defaults().withMaxRedirects(3));
        assertThatThrownBy(() -> session.get(base + "a")).isInstanceOf(TooManyRedirectsException.class)
                .satisfies(e -> assertThat(((TooManyRedirectsException) e).history()).extracting(Object::toString)
                        .containsExactly(base + "a", base + "b", base + "a", base + "b", base + "a"));
        PoolStats stats = session.stats();
        assertThat(stats.created()).isEqualTo(1);
        assertPoolClean(session);
    }

    @Test
    void aServerClosingWithoutAnswerOnAFreshConnectionIsADisconnect() throws Exception {
        String base = fixture.rawServer(s -> {
            read(s);
            s.close();
        });
        SessionImpl session = fixture.session();
        assertThatThrownBy(() -> session.get(base)).isInstanceOf(ServerDisconnectedException.class)
                .hasMessageContaining("without answering");
        assertPoolClean(session);
        assertThat(session.stats().staleRetries()).isZero();
    }

    @Test
    void anHttp10ResponseWithoutKeepAliveClosesTheConnection() throws Exception {
        String base = fixture.rawServer(s -> {
            for (RawHttp.Request r; (r = read(s)) != null; ) {
                send(s, "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
            s.close();
        });
        SessionImpl session = fixture.session();
        assertThat(session.get(base).text()).isEqualTo("ok");
        assertThat(session.stats().open()).isZero();
    }

    /** Found by the response fuzz test: the redirect's connection stayed busy for good (the pool filled up). */
    @Test
    void aRedirectWithAMalformedLocationIsAProtocolErrorAndFreesItsConnection() throws Exception {
        String base = fixture.rawServer(s -> {
            for (RawHttp.Request r; (r = read(s)) != null; ) {
                send(s, "HTTP/1.1 302 Found\r\nLocation: /next?a=P HTTP/1.1 100\r\nContent-Length: 4\r\n\r\ngone");
            }
            s.close();
        });
        SessionImpl session = fixture.session();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> session.get(base)).isInstanceOf(HttpProtocolException.class)
                    .hasMessageContaining("malformed Location");
            assertPoolClean(session);
        }
    }
}
