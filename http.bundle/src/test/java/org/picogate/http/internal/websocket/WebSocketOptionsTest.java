package org.picogate.http.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.picogate.http.websocket.WebSocketOptions;

class WebSocketOptionsTest {

    @Test
    void defaults() {
        WebSocketOptions options = WebSocketOptions.defaults();
        assertThat(options.maxMessageSize()).isEqualTo(1 << 20);
        assertThat(options.subprotocols()).isEmpty();
        assertThat(options.closeTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.heartbeat()).isZero();
    }

    @Test
    void withersChangeOneOption() {
        WebSocketOptions options = WebSocketOptions.defaults().withMaxMessageSize(10).withSubprotocols("a.v1", "b")
                .withCloseTimeout(Duration.ofSeconds(1)).withHeartbeat(Duration.ofSeconds(30));
        assertThat(options).isEqualTo(new WebSocketOptions(10, java.util.List.of("a.v1", "b"),
                Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    @Test
    void rejectsWhatCannotWork() {
        WebSocketOptions d = WebSocketOptions.defaults();
        assertThatThrownBy(() -> d.withMaxMessageSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withSubprotocols("chat v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withSubprotocols("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withSubprotocols("a,b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withCloseTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withHeartbeat(Duration.ofSeconds(-1))).isInstanceOf(
                IllegalArgumentException.class);
    }
}
