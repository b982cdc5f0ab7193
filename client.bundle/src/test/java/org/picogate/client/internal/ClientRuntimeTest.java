package org.picogate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.client.ClientResponse;
import org.picogate.client.SessionOptions;

/** The configuration of PID org.picogate.client, applied whole or not at all; the Gogo command's output. */
class ClientRuntimeTest {
    private final ClientFixture fixture = ClientFixture.onSystemClock();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** A configuration: the defaults, with some values changed. */
    private static ClientConfig config(int maxConnections, long readTimeoutMillis) {
        return new ClientConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClientConfig.class;
            }

            @Override
            public long connectTimeoutMillis() {
                return 10000;
            }

            @Override
            public long readTimeoutMillis() {
                return readTimeoutMillis;
            }

            @Override
            public long totalTimeoutMillis() {
                return 0;
            }

            @Override
            public int maxConnectionsPerHost() {
                return 8;
            }

            @Override
            public int maxConnections() {
                return maxConnections;
            }

            @Override
            public long idleTimeoutMillis() {
                return 30000;
            }

            @Override
            public int maxRedirects() {
                return 10;
            }

            @Override
            public long maxBodyBytes() {
                return 8L << 20;
            }

            @Override
            public boolean acceptGzip() {
                return false;
            }
        };
    }

    @Test
    void appliesAValidConfigurationAndKeepsThePreviousOneForAnInvalidOne() {
        ClientRuntime runtime = new ClientRuntime(config(64, 30000));
        assertThat(runtime.defaults()).isEqualTo(SessionOptions.defaults());
        runtime.modified(config(20, 1500));
        assertThat(runtime.defaults().maxConnections()).isEqualTo(20);
        assertThat(runtime.defaults().readTimeout()).isEqualTo(Duration.ofMillis(1500));
        runtime.modified(config(0, 99)); // maxConnections must be at least 1: nothing of it applies
        assertThat(runtime.defaults().maxConnections()).isEqualTo(20);
        assertThat(runtime.defaults().readTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void theGetCommandShowsStatusHeadersAndTheFirstKilobyte() throws Exception {
        String base = fixture.httpServer((request, response) -> response.send("z".repeat(3000)));
        try (ClientResponse r = fixture.session().get(base + "big")) {
            String out = GetCommand.render(r);
            assertThat(out).startsWith("200 OK  " + base + "big\n").contains("Content-Length: 3000\n")
                    .endsWith("z".repeat(1024) + "\n... (first 1024 bytes shown)");
        }
    }
}
