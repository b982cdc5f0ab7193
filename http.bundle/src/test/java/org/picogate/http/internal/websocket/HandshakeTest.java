package org.picogate.http.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picogate.http.HttpException;
import org.picogate.http.internal.HeaderFields;
import org.picogate.http.websocket.WebSocketOptions;

class HandshakeTest {
    /** The example key and answer of RFC 6455 1.3. */
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    @Test
    void acceptsAHandshakeWithTheRfcsExampleAnswer() {
        Handshake.Accepted accepted = Handshake.check("GET", 1, valid(), false, WebSocketOptions.defaults());

        assertThat(accepted.accept()).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertThat(accepted.subprotocol()).isNull();
    }

    @Test
    void headerTokensAreListsWithoutRegardToCase() {
        HeaderFields headers = new HeaderFields();
        headers.add("Upgrade", "WebSocket");
        headers.add("Connection", "keep-alive, Upgrade");
        headers.add("Sec-WebSocket-Version", "13");
        headers.add("Sec-WebSocket-Key", KEY);

        assertThat(Handshake.check("GET", 1, headers, false, WebSocketOptions.defaults()).accept())
                .isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void choosesTheFirstSubprotocolTheClientOffersThatTheServerSpeaks() {
        HeaderFields headers = valid();
        headers.add("Sec-WebSocket-Protocol", "mqtt, chat.v2");
        headers.add("Sec-WebSocket-Protocol", "chat.v1");
        WebSocketOptions options = WebSocketOptions.defaults().withSubprotocols("chat.v1", "chat.v2");

        assertThat(Handshake.check("GET", 1, headers, false, options).subprotocol()).isEqualTo("chat.v2");
        assertThat(Handshake.check("GET", 1, headers, false, WebSocketOptions.defaults()).subprotocol()).isNull();
        assertThat(Handshake.check("GET", 1, valid(), false, options).subprotocol()).isNull();
    }

    @Test
    void aRequestThatDoesNotAskToUpgradeGets426() {
        HeaderFields headers = valid();
        headers.set("Upgrade", "h2c");
        assertThat(status("GET", 1, headers, false)).isEqualTo(426);
        HeaderFields none = new HeaderFields();
        assertThat(status("GET", 1, none, false)).isEqualTo(426);
    }

    @ParameterizedTest
    @ValueSource(strings = { "8", "12", "14", "13, 8", "" })
    void anotherVersionGets426(String version) {
        HeaderFields headers = valid();
        headers.set("Sec-WebSocket-Version", version);
        assertThat(status("GET", 1, headers, false)).isEqualTo(426);
    }

    @Test
    void missingVersionGets426() {
        HeaderFields headers = new HeaderFields();
        headers.add("Upgrade", "websocket");
        headers.add("Connection", "Upgrade");
        headers.add("Sec-WebSocket-Key", KEY);
        assertThat(status("GET", 1, headers, false)).isEqualTo(426);
    }

    @Test
    void aHandshakeIsAGetWithoutBodyOverHttp11() {
        assertThat(status("POST", 1, valid(), false)).isEqualTo(400);
        assertThat(status("GET", 0, valid(), false)).isEqualTo(400);
        assertThat(status("GET", 1, valid(), true)).isEqualTo(400);
    }

    @Test
    void withoutConnectionUpgradeGets400() {
        HeaderFields headers = valid();
        headers.set("Connection", "keep-alive");
        assertThat(status("GET", 1, headers, false)).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25j", "dGhlIHNhbXBsZSBub25jZQ=!",
            "dGhlIHNhbXBsZSBub25jZWVl", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=" })
    void aKeyThatIsNotSixteenBase64BytesGets400(String key) {
        HeaderFields headers = valid();
        headers.set("Sec-WebSocket-Key", key);
        assertThat(status("GET", 1, headers, false)).isEqualTo(400);
    }

    @Test
    void twoKeysGet400() {
        HeaderFields headers = valid();
        headers.add("Sec-WebSocket-Key", KEY);
        assertThat(status("GET", 1, headers, false)).isEqualTo(400);
    }

    private static int status(String method, int minorVersion, HeaderFields headers, boolean hasBody) {
        return catchThrowableOfType(HttpException.class,
                () -> Handshake.check(method, minorVersion, headers, hasBody, WebSocketOptions.defaults())).status();
    }

    private static HeaderFields valid() {
        HeaderFields headers = new HeaderFields();
        headers.add("Host", "gateway.local");
        headers.add("Upgrade", "websocket");
        headers.add("Connection", "Upgrade");
        headers.add("Sec-WebSocket-Version", "13");
        headers.add("Sec-WebSocket-Key", KEY);
        return headers;
    }
}
