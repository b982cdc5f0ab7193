package org.picogate.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.picogate.streams.internal.Loopback.sendLine;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.scheduler.Event;
import org.picogate.streams.Stream;

/**
 * Open-box test of PID {@code org.picogate.streams}: valid values apply live, also to servers already open;
 * an invalid configuration is rejected and the one in force stays.
 */
class StreamsRuntimeTest {
    private static final StreamSettings CUSTOM = new StreamSettings(4096, 1024, Duration.ofMillis(500), 1000);

    /** A configuration as DS would hand it over: the given keys, defaults for the rest. */
    static StreamsConfig config(Map<String, Object> values) {
        return (StreamsConfig) Proxy.newProxyInstance(StreamsConfig.class.getClassLoader(),
                new Class<?>[] { StreamsConfig.class }, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    private static StreamsRuntime custom() {
        return new StreamsRuntime(config(Map.of("readBufferSize", 4096, "highWaterMark", 1024, "lingerMillis", 500L,
                "lingerMaxBytes", 1000)));
    }

    @Test
    void defaultsAreTheBuiltInSettings() {
        assertThat(new StreamsRuntime(config(Map.of())).settings()).isEqualTo(StreamSettings.DEFAULTS);
    }

    @Test
    void aValidChangeAppliesLive() {
        StreamsRuntime runtime = new StreamsRuntime(config(Map.of()));
        runtime.modified(config(Map.of("readBufferSize", 4096, "highWaterMark", 1024, "lingerMillis", 500L,
                "lingerMaxBytes", 1000)));
        assertThat(runtime.settings()).isEqualTo(CUSTOM);
    }

    @Test
    void eachInvalidValueIsRejectedAndThePreviousSettingsStay() {
        StreamsRuntime runtime = custom();
        runtime.modified(config(Map.of("readBufferSize", 63)));
        runtime.modified(config(Map.of("highWaterMark", -1)));
        runtime.modified(config(Map.of("lingerMillis", -1L)));
        runtime.modified(config(Map.of("lingerMaxBytes", -1)));
        assertThat(runtime.settings()).isEqualTo(CUSTOM);
    }

    @Test
    void aRejectionIsLoggedInOneLineNamingTheKey() {
        StreamsRuntime runtime = custom();
        try (LogCapture log = new LogCapture()) {
            runtime.modified(config(Map.of("lingerMillis", -1L)));
            assertThat(log.errors()).singleElement().asString().startsWith("org.picogate.streams: rejected ")
                    .contains("lingerMillis=-1").contains("must not be negative")
                    .contains("keeping readBufferSize=4096, highWaterMark=1024, lingerMillis=500, lingerMaxBytes=1000")
                    .doesNotContain("linger must").doesNotContain("\n");
        }
        try (LogCapture log = new LogCapture()) {
            runtime.modified(config(Map.of("readBufferSize", 63)));
            assertThat(log.errors()).singleElement().asString().contains("readBufferSize=63 (must be at least 64)");
        }
    }

    @Test
    void anInvalidFirstConfigurationLeavesTheDefaults() {
        assertThat(new StreamsRuntime(config(Map.of("readBufferSize", 0))).settings())
                .isEqualTo(StreamSettings.DEFAULTS);
    }

    @Test
    void defaultTimeoutsOfConnectWithoutOptionsComeFromTheConfiguration() {
        StreamsRuntime runtime = new StreamsRuntime(config(Map.of()));
        assertThat(runtime.defaultConnectOptions().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(runtime.defaultConnectOptions().readTimeout()).isZero();
        runtime.modified(config(Map.of("connectTimeoutMillis", 2500L, "readTimeoutMillis", 30000L)));
        assertThat(runtime.defaultConnectOptions().connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(runtime.defaultConnectOptions().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        try (LogCapture log = new LogCapture()) {
            runtime.modified(config(Map.of("connectTimeoutMillis", -1L, "readTimeoutMillis", 30000L)));
            assertThat(log.errors()).singleElement().asString().contains("rejected connectTimeoutMillis=-1")
                    .contains("keeping connectTimeoutMillis=2500, readTimeoutMillis=30000");
        }
        assertThat(runtime.defaultConnectOptions().connectTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void zeroIsAValidHighWaterMarkAndLinger() {
        StreamsRuntime runtime = custom();
        runtime.modified(config(Map.of("highWaterMark", 0, "lingerMillis", 0L)));
        assertThat(runtime.settings().highWaterMark()).isZero();
        assertThat(runtime.settings().linger()).isZero();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // without the fix the client waits for bytes that stay buffered
    void aServerOpenBeforeAChangeServesNewConnectionsWithTheNewSettings() throws Exception {
        // regression: a server kept the settings of the moment it was opened, for every connection it accepted
        StreamsRuntime runtime = new StreamsRuntime(config(Map.of()));
        try (Loopback loopback = new Loopback(runtime::settings)) {
            Event release = loopback.scheduler.event();
            StreamServerImpl server = loopback.listen(s -> {
                s.write("unflushed\n".getBytes(StandardCharsets.UTF_8)); // no drain: above the mark it goes out
                release.await();
            });
            runtime.modified(config(Map.of("highWaterMark", 0)));

            Stream client = loopback.connect(server.port());
            assertThat(client.readLine(100)).isEqualTo("unflushed");
            release.set();
            sendLine(client, "done");
        }
    }
}
