package org.picogate.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;

/** ListenOptions and ConnectOptions refuse values that make no sense, naming the value. */
class OptionsTest {
    private static final ListenOptions LISTEN = ListenOptions.port(8080);
    private static final ConnectOptions CONNECT = ConnectOptions.defaults();

    @Test
    void listenDefaults() {
        assertThat(LISTEN.host()).isNull(); // every interface
        assertThat(LISTEN.backlog()).isEqualTo(1024);
        assertThat(LISTEN.maxConnections()).isEqualTo(1024);
        assertThat(LISTEN.readTimeout()).isZero();
        assertThat(LISTEN.tls()).isNull();
        assertThat(LISTEN.configuredTls()).isFalse();
        assertThat(LISTEN.name()).isEqualTo("server:8080");
        assertThat(LISTEN.withName(null).name()).isEqualTo("server");
        assertThat(ListenOptions.port(0).port()).isZero(); // the system chooses
    }

    @Test
    void configuredTlsAndAContextReplaceEachOther() throws Exception {
        SSLContext context = SSLContext.getDefault();
        ListenOptions configured = LISTEN.withTls(context).withConfiguredTls();
        assertThat(configured.configuredTls()).isTrue();
        assertThat(configured.tls()).isNull();
        assertThat(configured.withName("x").withHost("127.0.0.1").withBacklog(5).withMaxConnections(6)
                .withReadTimeout(Duration.ofSeconds(1)).configuredTls()).isTrue();

        ListenOptions given = configured.withTls(context);
        assertThat(given.configuredTls()).isFalse();
        assertThat(given.tls()).isSameAs(context);
        assertThat(configured.withTls(null).configuredTls()).isFalse(); // plain TCP

        assertThatThrownBy(() -> new ListenOptions(null, 0, 1, 1, Duration.ZERO, context, true, "both"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
        // the constructor without configuredTls still works
        assertThat(new ListenOptions(null, 0, 1, 1, Duration.ZERO, context, "given").configuredTls()).isFalse();
    }

    @Test
    void listenPortMustBeAPort() {
        assertThatThrownBy(() -> ListenOptions.port(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be 0..65535: -1");
        assertThatThrownBy(() -> ListenOptions.port(65536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be 0..65535: 65536");
    }

    @Test
    void backlogAndMaxConnectionsMustBePositive() {
        assertThatThrownBy(() -> LISTEN.withBacklog(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backlog must be at least 1: 0");
        assertThatThrownBy(() -> LISTEN.withMaxConnections(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConnections must be at least 1: 0");
        assertThatThrownBy(() -> LISTEN.withMaxConnections(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listenReadTimeoutMustBeGivenAndNotNegative() {
        assertThatThrownBy(() -> LISTEN.withReadTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> LISTEN.withReadTimeout(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("readTimeout");
    }

    @Test
    void connectDefaults() {
        assertThat(CONNECT.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(CONNECT.readTimeout()).isEqualTo(Duration.ZERO);
        assertThat(CONNECT.tls()).isNull();
        assertThat(CONNECT.verifyHostname()).isTrue();
    }

    @Test
    void connectTimeoutsMustBeGivenAndNotNegative() {
        assertThatThrownBy(() -> CONNECT.withConnectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> CONNECT.withReadTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> CONNECT.withConnectTimeout(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("connectTimeout");
        assertThatThrownBy(() -> CONNECT.withReadTimeout(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("readTimeout");
        assertThat(CONNECT.withConnectTimeout(Duration.ZERO).connectTimeout()).isZero(); // none
    }
}
