package org.picogate.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.picogate.streams.internal.Loopback.sendLine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.picogate.config.testing.ConfigProxies;
import org.picogate.config.testing.LogCapture;
import org.picogate.scheduler.Event;
import org.picogate.streams.Stream;

/**
 * Open-box test of PID {@code org.picogate.streams}: valid values apply live, also to servers already open;
 * an invalid configuration is rejected and the one in force stays.
 */
class StreamsRuntimeTest {
    private static final StreamSettings CUSTOM = new StreamSettings(4096, 1024, Duration.ofMillis(500), 1000);

    /** A configuration as DS hands it over: the given keys, defaults for the rest (ConfigProxies). */
    static StreamsConfig config(Map<String, Object> values) {
        return ConfigProxies.of(StreamsConfig.class, values);
    }

    /** The component activated with {@code values}, as DS activates it. */
    static StreamsRuntime activate(Map<String, Object> values) {
        return new StreamsRuntime(config(values), values);
    }

    /** {@code values} as DS delivers a changed configuration. */
    static void modify(StreamsRuntime runtime, Map<String, Object> values) {
        runtime.modified(config(values), values);
    }

    private static StreamsRuntime custom() {
        return activate(Map.of("readBufferSize", 4096, "highWaterMark", 1024, "lingerMillis", 500L,
                "lingerMaxBytes", 1000));
    }

    @Test
    void defaultsAreTheBuiltInSettings() {
        assertThat(activate(Map.of()).settings()).isEqualTo(StreamSettings.DEFAULTS);
    }

    @Test
    void aValidChangeAppliesLive() {
        StreamsRuntime runtime = activate(Map.of());
        modify(runtime, Map.of("readBufferSize", 4096, "highWaterMark", 1024, "lingerMillis", 500L,
                "lingerMaxBytes", 1000));
        assertThat(runtime.settings()).isEqualTo(CUSTOM);
    }

    @Test
    void eachInvalidValueIsRejectedAndThePreviousSettingsStay() {
        StreamsRuntime runtime = custom();
        modify(runtime, Map.of("readBufferSize", 63));
        modify(runtime, Map.of("highWaterMark", -1));
        modify(runtime, Map.of("lingerMillis", -1L));
        modify(runtime, Map.of("lingerMaxBytes", -1));
        assertThat(runtime.settings()).isEqualTo(CUSTOM);
    }

    @Test
    void aRejectionIsLoggedInOneLineNamingTheKey() {
        StreamsRuntime runtime = custom();
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            modify(runtime, Map.of("lingerMillis", -1L));
            assertThat(log.errors()).singleElement().asString().startsWith("org.picogate.streams: rejected ")
                    .contains("lingerMillis=-1").contains("must not be negative")
                    .contains("keeping readBufferSize=4096, highWaterMark=1024, lingerMillis=500, lingerMaxBytes=1000")
                    .doesNotContain("linger must").doesNotContain("\n");
        }
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            modify(runtime, Map.of("readBufferSize", 63));
            assertThat(log.errors()).singleElement().asString().contains("readBufferSize=63 (must be at least 64)");
        }
    }

    @Test
    void aValueOfTheWrongTypeRejectsTheWholeConfigurationNamingTheKey() {
        StreamsRuntime runtime = custom();
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            modify(runtime, Map.of("highWaterMark", 0, "lingerMillis", "long", "connectTimeoutMillis", 5L));
            assertThat(log.errors()).singleElement().asString()
                    .isEqualTo("org.picogate.streams: rejected lingerMillis=long (not a long); keeping the"
                            + " configuration in force");
        }
        assertThat(runtime.settings()).isEqualTo(CUSTOM);
        assertThat(runtime.defaultConnectOptions().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aValueOfTheWrongTypeAtTheStartKeepsTheDefaultsInsteadOfFailingTheComponent() {
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            assertThat(activate(Map.of("readBufferSize", "big")).settings()).isEqualTo(StreamSettings.DEFAULTS);
            assertThat(log.errors()).singleElement().asString().contains("readBufferSize=big (not an int)");
        }
    }

    @Test
    void anUnknownKeyIsLoggedByNameAndTheRestApplies() {
        StreamsRuntime runtime = activate(Map.of());
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            modify(runtime, Map.of("readBufferSize", 4096, "highWaterMark", 1024, "lingerMillis", 500L,
                    "lingerMaxBytes", 1000, "readBuferSize", 1, "service.pid", "org.picogate.streams"));
            assertThat(log.warnings()).containsExactly("org.picogate.streams: ignored unknown key(s) readBuferSize");
            assertThat(log.errors()).isEmpty();
        }
        assertThat(runtime.settings()).isEqualTo(CUSTOM);
    }

    @Test
    void anInvalidFirstConfigurationLeavesTheDefaults() {
        assertThat(activate(Map.of("readBufferSize", 0)).settings())
                .isEqualTo(StreamSettings.DEFAULTS);
    }

    @Test
    void defaultTimeoutsOfConnectWithoutOptionsComeFromTheConfiguration() {
        StreamsRuntime runtime = activate(Map.of());
        assertThat(runtime.defaultConnectOptions().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(runtime.defaultConnectOptions().readTimeout()).isZero();
        modify(runtime, Map.of("connectTimeoutMillis", 2500L, "readTimeoutMillis", 30000L));
        assertThat(runtime.defaultConnectOptions().connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(runtime.defaultConnectOptions().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        try (LogCapture log = new LogCapture("org.picogate.streams")) {
            modify(runtime, Map.of("connectTimeoutMillis", -1L, "readTimeoutMillis", 30000L));
            assertThat(log.errors()).singleElement().asString().contains("rejected connectTimeoutMillis=-1")
                    .contains("keeping connectTimeoutMillis=2500, readTimeoutMillis=30000");
        }
        assertThat(runtime.defaultConnectOptions().connectTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void zeroIsAValidHighWaterMarkAndLinger() {
        StreamsRuntime runtime = custom();
        modify(runtime, Map.of("highWaterMark", 0, "lingerMillis", 0L));
        assertThat(runtime.settings().highWaterMark()).isZero();
        assertThat(runtime.settings().linger()).isZero();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // without the fix the client waits for bytes that stay buffered
    void aServerOpenBeforeAChangeServesNewConnectionsWithTheNewSettings() throws Exception {
        // regression: a server kept the settings of the moment it was opened, for every connection it accepted
        StreamsRuntime runtime = activate(Map.of());
        try (Loopback loopback = new Loopback(runtime::settings)) {
            Event release = loopback.scheduler.event();
            StreamServerImpl server = loopback.listen(s -> {
                s.write("unflushed\n".getBytes(StandardCharsets.UTF_8)); // no drain: above the mark it goes out
                release.await();
            });
            modify(runtime, Map.of("highWaterMark", 0));

            Stream client = loopback.connect(server.port());
            assertThat(client.readLine(100)).isEqualTo("unflushed");
            release.set();
            sendLine(client, "done");
        }
    }
}
