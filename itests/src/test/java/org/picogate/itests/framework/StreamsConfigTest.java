package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.ReadTimeoutException;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamServer;
import org.picogate.streams.StreamService;

/** PID org.picogate.streams: described by Metatype, applied live, also to a server opened before the change. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class StreamsConfigTest {
    static final String PID = "org.picogate.streams";
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(200);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    StreamService streams;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    @InjectService(timeout = 10_000)
    MetaTypeService metaType;

    @AfterEach
    void removeConfiguration() throws Exception {
        configAdmin.getConfiguration(PID, "?").delete();
    }

    @Test
    void everyOptionIsDescribedWithItsDefault() {
        ObjectClassDefinition ocd = Metatypes.of(context, metaType, PID);
        Map<String, AttributeDefinition> ads = Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .collect(Collectors.toMap(AttributeDefinition::getID, a -> a));
        assertThat(Metatypes.defaults(ocd)).containsOnlyKeys("readBufferSize", "highWaterMark", "lingerMillis",
                "lingerMaxBytes", "connectTimeoutMillis", "readTimeoutMillis",
                "tlsKeyStore", "tlsKeyStorePassword", "tlsTrustStore", "tlsTrustStorePassword", "tlsClientAuth")
                .containsEntry("readBufferSize", "1024").containsEntry("highWaterMark", "16384")
                .containsEntry("lingerMillis", "2000").containsEntry("lingerMaxBytes", "65536")
                .containsEntry("connectTimeoutMillis", "10000").containsEntry("readTimeoutMillis", "0")
                .containsEntry("tlsKeyStore", "").containsEntry("tlsTrustStore", "")
                .containsEntry("tlsClientAuth", "none");
        assertThat(ads.get("tlsKeyStorePassword").getType()).isEqualTo(AttributeDefinition.PASSWORD);
        assertThat(ads.get("tlsTrustStorePassword").getType()).isEqualTo(AttributeDefinition.PASSWORD);
        assertThat(ads.get("tlsClientAuth").getOptionValues()).containsExactly("none", "want", "need");
        assertThat(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .allSatisfy(a -> assertThat(a.getDescription()).isNotBlank());
    }

    @Test
    void aHighWaterMarkChangeReachesAServerOpenBeforeItAndGoesAwayWithTheConfiguration() throws Exception {
        // each connection writes a line without draining: it reaches the client only if the mark is below it
        StreamServer server = streams.listen(ListenOptions.port(0).withHost("127.0.0.1").withName("itest-config"),
                s -> {
                    s.write("unflushed\n".getBytes(StandardCharsets.UTF_8));
                    s.read(1); // until the client goes
                });
        try {
            Configuration config = configAdmin.getConfiguration(PID, "?");
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("highWaterMark", 0);
            config.update(props);
            Await.until(Duration.ofSeconds(10), () -> "highWaterMark=0 applied", () -> writesThrough(server));

            config.delete();
            Await.until(Duration.ofSeconds(10), () -> "the default mark back", () -> !writesThrough(server));
        } finally {
            server.close();
        }
    }

    /** Whether a new connection's unflushed line arrives (within a short read timeout). */
    private boolean writesThrough(StreamServer server) {
        try (Stream probe = streams.connect("127.0.0.1", server.port(),
                ConnectOptions.defaults().withReadTimeout(PROBE_TIMEOUT))) {
            return "unflushed".equals(probe.readLine(100));
        } catch (ReadTimeoutException stillBuffered) {
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
