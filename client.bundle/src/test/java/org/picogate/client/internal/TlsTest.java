package org.picogate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.picogate.client.internal.ClientFixture.assertPoolClean;

import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picogate.client.SessionOptions;
import org.picogate.client.TlsException;
import org.picogate.http.Handler;
import org.picogate.http.internal.FileResponder;
import org.picogate.http.internal.HttpLimits;
import org.picogate.http.internal.HttpServerCore;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.TlsContexts;

/**
 * {@code https} against the Picogate server with self-signed certificates: trusted and named right it works over
 * one pooled connection; an untrusted certificate, or one naming another host, fails the handshake with
 * {@link TlsException} unless the check is turned off; client certificates for a server that requires them.
 */
class TlsTest {
    @TempDir
    static Path dir;
    private static Keytool keytool;
    private static Path localhost;
    private static Path elsewhere;
    private static Path client;

    private static ClientFixture fixture;

    private static final Handler HELLO = (request, response) -> response.send("secure hello");

    @BeforeAll
    static void certificates() throws Exception {
        keytool = new Keytool(dir);
        localhost = keytool.keyStore("localhost", "dns:localhost,ip:127.0.0.1");
        elsewhere = keytool.keyStore("elsewhere", "dns:elsewhere.example");
        client = keytool.keyStore("client", "dns:client.example");
        fixture = ClientFixture.onSystemClock();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    private static String httpsServer(SSLContext tls) throws Exception {
        HttpServerCore core = new HttpServerCore(fixture.scheduler, () -> HttpLimits.DEFAULTS, () -> HELLO,
                new FileResponder(false));
        return "https://127.0.0.1:" + fixture.streams.listen(ListenOptions.port(0).withHost("127.0.0.1")
                .withTls(tls), core).port() + "/";
    }

    private static SSLContext trusting(Path keyStore, String name) throws Exception {
        return TlsContexts.client(keytool.trustStore(name, keyStore), keytool.password());
    }

    @Test
    void getsOverTlsWithATrustedCertificateOnOneConnection() throws Exception {
        String base = httpsServer(TlsContexts.server(localhost, keytool.password()));
        SessionImpl session = fixture.session(SessionOptions.defaults().withTls(trusting(localhost, "t1")));
        assertThat(session.get(base).text()).isEqualTo("secure hello");
        assertThat(session.get(base).text()).isEqualTo("secure hello");
        assertThat(session.stats().created()).isEqualTo(1);
        assertPoolClean(session);
    }

    @Test
    void anUntrustedCertificateIsATlsFailure() throws Exception {
        String base = httpsServer(TlsContexts.server(localhost, keytool.password()));
        SessionImpl session = fixture.session(); // the JDK's default trust: no self-signed certificates
        assertThatThrownBy(() -> session.get(base)).isInstanceOf(TlsException.class)
                .hasMessageContaining("TLS with 127.0.0.1:");
        assertPoolClean(session);
        assertThat(session.stats().open()).isZero();
    }

    @Test
    void aCertificateForAnotherHostIsRefusedUnlessTheCheckIsOff() throws Exception {
        String base = httpsServer(TlsContexts.server(elsewhere, keytool.password()));
        SSLContext trust = trusting(elsewhere, "t2");
        SessionImpl checked = fixture.session(SessionOptions.defaults().withTls(trust));
        assertThatThrownBy(() -> checked.get(base)).isInstanceOf(TlsException.class);
        assertPoolClean(checked);
        SessionImpl unchecked = fixture.session(SessionOptions.defaults().withTls(trust).withVerifyHostname(false));
        assertThat(unchecked.get(base).text()).isEqualTo("secure hello");
    }

    @Test
    void showsAClientCertificateToAServerThatRequiresOne() throws Exception {
        String base = httpsServer(TlsContexts.server(localhost, keytool.password(), keytool.trustStore("clients",
                client), keytool.password()));
        Path serverTrust = keytool.trustStore("t3", localhost);
        SessionImpl anonymous = fixture.session(SessionOptions.defaults().withTls(TlsContexts.client(serverTrust,
                keytool.password())));
        assertThatThrownBy(() -> anonymous.get(base).text()).isInstanceOfAny(TlsException.class,
                org.picogate.client.ServerDisconnectedException.class);
        assertPoolClean(anonymous);
        SessionImpl identified = fixture.session(SessionOptions.defaults().withTls(TlsContexts.client(serverTrust,
                keytool.password(), client, keytool.password())));
        assertThat(identified.get(base).text()).isEqualTo("secure hello");
    }
}
