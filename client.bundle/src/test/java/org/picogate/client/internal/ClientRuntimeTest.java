package org.picogate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.client.ClientResponse;
import org.picogate.client.SessionOptions;
import org.picogate.config.testing.ConfigProxies;
import org.picogate.config.testing.LogCapture;

/** The configuration of PID org.picogate.client, applied whole or not at all; the Gogo command's output. */
class ClientRuntimeTest {
    private final ClientFixture fixture = ClientFixture.onSystemClock();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** A configuration as DS hands it over: the given keys, defaults for the rest (ConfigProxies). */
    private static ClientConfig config(Map<String, Object> values) {
        return ConfigProxies.of(ClientConfig.class, values);
    }

    /** A configuration: the defaults, with some values changed. */
    private static ClientConfig config(int maxConnections, long readTimeoutMillis) {
        return config(Map.of("maxConnections", maxConnections, "readTimeoutMillis", readTimeoutMillis));
    }

    @Test
    void appliesAValidConfigurationAndKeepsThePreviousOneForAnInvalidOne() {
        ClientRuntime runtime = new ClientRuntime(config(64, 30000), Map.of());
        assertThat(runtime.defaults()).isEqualTo(SessionOptions.defaults());
        runtime.modified(config(20, 1500), Map.of());
        assertThat(runtime.defaults().maxConnections()).isEqualTo(20);
        assertThat(runtime.defaults().readTimeout()).isEqualTo(Duration.ofMillis(1500));
        runtime.modified(config(0, 99), Map.of()); // maxConnections must be at least 1: nothing of it applies
        assertThat(runtime.defaults().maxConnections()).isEqualTo(20);
        assertThat(runtime.defaults().readTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aValueOfTheWrongTypeIsRejectedNamingTheKeyAndThePreviousOptionsStay() {
        ClientRuntime runtime = new ClientRuntime(config(Map.of("maxConnections", 20)), Map.of("maxConnections", 20));
        Map<String, Object> bad = Map.of("maxConnections", 30, "readTimeoutMillis", "a minute");
        try (LogCapture log = new LogCapture("org.picogate.client")) {
            runtime.modified(config(bad), bad);
            assertThat(log.lines()).singleElement().asString()
                    .startsWith("SEVERE org.picogate.client: rejected readTimeoutMillis=a minute (not a long); keeping");
        }
        assertThat(runtime.defaults().maxConnections()).isEqualTo(20);
    }

    @Test
    void aValueOfTheWrongTypeAtTheStartKeepsTheDefaultsInsteadOfFailingTheComponent() {
        Map<String, Object> bad = Map.of("maxRedirects", "ten");
        try (LogCapture log = new LogCapture("org.picogate.client")) {
            assertThat(new ClientRuntime(config(bad), bad).defaults()).isEqualTo(SessionOptions.defaults());
            assertThat(log.lines()).singleElement().asString().contains("maxRedirects=ten (not an int)");
        }
    }

    @Test
    void anUnknownKeyIsLoggedByNameAndTheRestApplies() {
        Map<String, Object> values = Map.of("maxConnections", 20, "maxConection", 5, "service.pid",
                "org.picogate.client", "felix.fileinstall.filename", "file:/deploy/org.picogate.client.config");
        try (LogCapture log = new LogCapture("org.picogate.client")) {
            ClientRuntime runtime = new ClientRuntime(config(values), values);
            assertThat(log.lines()).containsExactly("WARNING org.picogate.client: ignored unknown key(s) "
                    + "maxConection");
            assertThat(runtime.defaults().maxConnections()).isEqualTo(20);
        }
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
