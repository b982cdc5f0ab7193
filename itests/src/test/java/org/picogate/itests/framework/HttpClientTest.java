package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.picogate.client.ClientResponse;
import org.picogate.client.ClientSession;
import org.picogate.client.HttpClient;
import org.picogate.http.Handler;

/**
 * The client service in Felix calling the server service over loopback: GET and POST on one pooled connection,
 * the configuration of PID {@code org.picogate.client}, sessions closed when the bundle ungets the service, and
 * the {@code picogate:get} command.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class HttpClientTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @InjectBundleContext
    static BundleContext context;

    @InjectService(timeout = 10_000)
    static ConfigurationAdmin configAdmin;

    private static int port;
    private static String base;
    private static ServiceRegistration<Handler> handler;
    private ServiceReference<HttpClient> clientRef;
    private HttpClient client;

    /** One server for the class: each port move of the server takes a graceful retirement of the old one. */
    @BeforeAll
    static void serve() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("port", port);
        props.put("host", "127.0.0.1");
        configAdmin.getConfiguration("org.picogate.http", "?").update(props);
        handler = context.registerService(Handler.class, (request, response) -> {
            if (request.path().equals("/moved")) {
                response.status(302).header("Location", "/hello").send("");
                return;
            }
            response.contentType("application/json");
            response.send("{\"method\":\"" + request.method() + "\",\"path\":\"" + request.path() + "\",\"body\":\""
                    + new String(request.body(), StandardCharsets.UTF_8).replace("\"", "\\\"") + "\"}");
        }, null);
        Await.until(WAIT, () -> "the server on port " + port, () -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (Exception notYet) {
                return false;
            }
        });
        base = "http://127.0.0.1:" + port + "/";
    }

    @AfterAll
    static void stopServing() throws Exception {
        handler.unregister();
        configAdmin.getConfiguration("org.picogate.http", "?").update(new Hashtable<>());
    }

    @BeforeEach
    void getClient() throws Exception {
        Await.until(WAIT, () -> "the HttpClient service", () -> context.getServiceReference(HttpClient.class) != null);
        clientRef = context.getServiceReference(HttpClient.class);
        client = context.getService(clientRef);
    }

    @AfterEach
    void reset() throws Exception {
        if (client != null) {
            context.ungetService(clientRef);
        }
        Configuration clientConfig = configAdmin.getConfiguration("org.picogate.client", "?");
        clientConfig.delete();
    }

    @Test
    void getsAndPostsOverOnePooledConnection() throws Exception {
        try (ClientSession session = client.session()) {
            try (ClientResponse r = session.get(base + "hello")) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json(Map.class)).containsEntry("method", "GET").containsEntry("path", "/hello");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> posted = session.post(base + "data").json(Map.of("k", "v")).send().json(Map.class);
            assertThat(posted).containsEntry("method", "POST").containsEntry("body", "{\"k\":\"v\"}");
            ClientResponse redirected = session.get(base + "moved");
            assertThat(redirected.json(Map.class)).containsEntry("path", "/hello");
            assertThat(redirected.redirectedFrom()).hasValueSatisfying(u -> assertThat(u.getPath()).isEqualTo(
                    "/moved"));
            assertThat(session.stats().created()).isEqualTo(1);
            assertThat(session.stats().busy()).isZero();
        }
    }

    @Test
    void takesItsDefaultsFromTheConfiguration() throws Exception {
        assertThat(client.defaults().maxRedirects()).isEqualTo(10);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("maxRedirects", 0);
        props.put("readTimeoutMillis", 1234L);
        configAdmin.getConfiguration("org.picogate.client", "?").update(props);
        Await.until(WAIT, () -> "the client configuration", () -> client.defaults().maxRedirects() == 0);
        assertThat(client.defaults().readTimeout()).isEqualTo(Duration.ofMillis(1234));
        try (ClientSession session = client.session(); ClientResponse r = session.get(base + "moved")) {
            assertThat(r.status()).isEqualTo(302); // not followed: maxRedirects=0
        }
    }

    @Test
    void sessionsOfABundleThatUngetsTheServiceAreClosed() throws Exception {
        ClientSession session = client.session();
        session.get(base + "one").bytes();
        assertThat(session.stats().idle()).isEqualTo(1);
        context.ungetService(clientRef);
        client = null;
        assertThat(session.stats().open()).isZero();
        assertThatThrownBy(() -> session.get(base + "two")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theGetCommandPrintsStatusHeadersAndBody() throws Exception {
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(osgi.command.function=get)");
        assertThat(refs).hasSize(1);
        assertThat(refs[0].getProperty("osgi.command.scope")).isEqualTo("picogate");
        Object command = context.getService(refs[0]);
        try {
            Method get = command.getClass().getMethod("get", String.class); // how Gogo calls it
            String out = (String) get.invoke(command, base + "moved");
            assertThat(out).startsWith("(redirected from " + base + "moved)\n200 OK  " + base + "hello\n")
                    .contains("Content-Type: application/json").endsWith("\"path\":\"/hello\",\"body\":\"\"}");
            String failed = (String) get.invoke(command, "http://127.0.0.1:1/");
            assertThat(failed).startsWith("picogate:get http://127.0.0.1:1/ failed: java.net.ConnectException");
        } finally {
            context.ungetService(refs[0]);
        }
    }
}
