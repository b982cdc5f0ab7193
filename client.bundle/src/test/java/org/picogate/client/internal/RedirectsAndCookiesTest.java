package org.picogate.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.picogate.client.internal.ClientFixture.assertPoolClean;
import static org.picogate.client.internal.RawHttp.ok;
import static org.picogate.client.internal.RawHttp.read;
import static org.picogate.client.internal.RawHttp.send;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.client.ClientResponse;
import org.picogate.client.SessionOptions;
import org.picogate.streams.StreamHandler;

/** Redirect rules (method and body, credentials across origins, history) and the cookie jar. */
class RedirectsAndCookiesTest {
    private final ClientFixture fixture = ClientFixture.onSystemClock();
    private final List<RawHttp.Request> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Records every request; {@code /to/NNN?url} redirects with NNN to url, others answer "done". */
    private StreamHandler recorder() {
        return s -> {
            for (RawHttp.Request r; (r = read(s)) != null; ) {
                seen.add(r);
                String target = r.requestLine().split(" ")[1];
                if (target.startsWith("/to/")) {
                    String status = target.substring(4, 7);
                    String location = target.substring(target.indexOf('?') + 1);
                    send(s, "HTTP/1.1 " + status + " Moved\r\nLocation: " + location + "\r\nContent-Length: 4\r\n\r\n"
                            + "gone");
                } else if (target.startsWith("/set")) {
                    send(s, "HTTP/1.1 200 OK\r\nSet-Cookie: a=1; Path=/\r\nSet-Cookie: b=2; Path=/only\r\n"
                            + "Set-Cookie: evil=1; Domain=example.com\r\nContent-Length: 2\r\n\r\nok");
                } else if (target.startsWith("/unset")) {
                    send(s, "HTTP/1.1 200 OK\r\nSet-Cookie: a=gone; Max-Age=0\r\nContent-Length: 2\r\n\r\nok");
                } else {
                    send(s, ok("done"));
                }
            }
            s.close();
        };
    }

    private RawHttp.Request last() {
        return seen.get(seen.size() - 1);
    }

    @Test
    void see303TurnsAPostIntoAGetWithoutBody() throws Exception {
        String base = fixture.rawServer(recorder());
        SessionImpl session = fixture.session();
        try (ClientResponse r = session.post(base + "to/303?/result").text("payload").send()) {
            assertThat(r.text()).isEqualTo("done");
            assertThat(r.url()).isEqualTo(URI.create(base + "result"));
            assertThat(r.history()).containsExactly(URI.create(base + "to/303?/result"));
            assertThat(r.redirectedFrom()).contains(URI.create(base + "to/303?/result"));
        }
        assertThat(last().requestLine()).isEqualTo("GET /result HTTP/1.1");
        assertThat(last().header("Content-Type")).isNull();
        assertThat(last().body()).isEmpty();
        assertThat(session.stats().created()).isEqualTo(1); // the redirect's short body was read: one connection
        assertPoolClean(session);
    }

    @Test
    void redirects301And302TurnAPostIntoAGet() throws Exception {
        String base = fixture.rawServer(recorder());
        SessionImpl session = fixture.session();
        for (String status : List.of("301", "302")) {
            assertThat(session.post(base + "to/" + status + "?/r").text("x").send().text()).isEqualTo("done");
            assertThat(last().requestLine()).isEqualTo("GET /r HTTP/1.1");
        }
        assertThat(session.put(base + "to/302?/r").text("kept").send().text()).isEqualTo("done");
        assertThat(last().requestLine()).isEqualTo("PUT /r HTTP/1.1");
        assertThat(new String(last().body(), UTF_8)).isEqualTo("kept");
    }

    @Test
    void redirects307And308KeepTheMethodAndTheBody() throws Exception {
        String base = fixture.rawServer(recorder());
        SessionImpl session = fixture.session();
        for (String status : List.of("307", "308")) {
            assertThat(session.post(base + "to/" + status + "?/r").text("payload").send().text()).isEqualTo("done");
            assertThat(last().requestLine()).isEqualTo("POST /r HTTP/1.1");
            assertThat(new String(last().body(), UTF_8)).isEqualTo("payload");
        }
    }

    @Test
    void aStreamedBodyIsNotSentAgainSoIts307IsReturned() throws Exception {
        String base = fixture.rawServer(recorder());
        SessionImpl session = fixture.session();
        try (ClientResponse r = session.post(base + "to/307?/r").body(new ByteArrayInputStream(new byte[10]),
                "application/octet-stream").send()) {
            assertThat(r.status()).isEqualTo(307);
            assertThat(r.text()).isEqualTo("gone");
        }
        assertThat(seen).hasSize(1);
    }

    @Test
    void authorizationIsDroppedAcrossOriginsAndKeptWithin() throws Exception {
        String other = fixture.rawServer(recorder());
        String base = fixture.rawServer(recorder());
        SessionImpl session = fixture.session();
        session.request("GET", base + "to/302?/same").header("Authorization", "Bearer secret").send().text();
        assertThat(last().header("Authorization")).isEqualTo("Bearer secret");
        session.request("GET", base + "to/302?" + other + "elsewhere").header("Authorization", "Bearer secret")
                .header("X-Kept", "yes").send().text();
        assertThat(last().requestLine()).isEqualTo("GET /elsewhere HTTP/1.1");
        assertThat(last().header("Authorization")).isNull();
        assertThat(last().header("X-Kept")).isEqualTo("yes");
    }

    @Test
    void followRedirectsOffReturnsTheRedirect() throws Exception {
        String base = fixture.rawServer(recorder());
        SessionImpl session = fixture.session();
        try (ClientResponse r = session.request("GET", base + "to/301?/r").followRedirects(false).send()) {
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.headers().value("Location")).isEqualTo("/r");
            assertThat(r.history()).isEmpty();
        }
        assertThat(seen).hasSize(1);
    }

    @Test
    void theCookieJarSendsBackMatchingCookiesAndRefusesForeignDomains() throws Exception {
        String base = fixture.rawServer(recorder());
        SessionImpl session = fixture.session(SessionOptions.defaults().withCookies(true));
        session.get(base + "set").text();
        session.get(base + "x").text();
        assertThat(last().header("Cookie")).isEqualTo("a=1");
        session.get(base + "only/y").text();
        assertThat(last().header("Cookie")).isEqualTo("a=1; b=2");
        session.get(base + "unset").text();
        session.get(base + "x").text();
        assertThat(last().header("Cookie")).isNull();
    }

    @Test
    void withoutACookieJarNoCookiesAreSent() throws Exception {
        String base = fixture.rawServer(recorder());
        SessionImpl session = fixture.session();
        session.get(base + "set").text();
        session.get(base + "x").text();
        assertThat(last().header("Cookie")).isNull();
    }
}
