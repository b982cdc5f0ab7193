package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.runtime.HttpRuntime;
import org.picogate.http.runtime.RouteDTO;
import org.picogate.http.whiteboard.HttpWhiteboard;
import org.picogate.itests.framework.HttpFixture.Reply;

/**
 * The ops bundle in Felix over real sockets: {@code /metrics} scraped and parsed as the Prometheus text format
 * (counters of the route and status the test asked for), {@code /health} going to 503 naming a bundle that is not
 * active and a component that is unsatisfied, PID {@code org.picogate.ops} turning routes off, and
 * {@code picogate:config} setting and rejecting values.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class OpsTest {
    static final String OPS_PID = "org.picogate.ops";
    static final Duration WAIT = Duration.ofSeconds(20);
    /** One sample line: name, optional labels, value. */
    static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");

    @InjectBundleContext
    BundleContext context;
    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;
    @InjectService(timeout = 10_000)
    ServiceComponentRuntime scr;

    static int port;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @BeforeAll
    static void configure(@InjectService(timeout = 10_000) ConfigurationAdmin configAdmin) throws Exception {
        port = HttpFixture.freePort();
        HttpFixture.serve(configAdmin, port, "swapGraceMillis", 300L);
        awaitStatus("/metrics", 200);
    }

    @AfterAll
    static void reset(@InjectService(timeout = 10_000) ConfigurationAdmin configAdmin) throws Exception {
        configAdmin.getConfiguration(OPS_PID, "?").update(new Hashtable<>());
        HttpFixture.reset(configAdmin);
    }

    @AfterEach
    void unregister() throws Exception {
        registrations.forEach(r -> {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // unregistered by the test
            }
        });
        configAdmin.getConfiguration(OPS_PID, "?").update(new Hashtable<>());
        awaitStatus("/metrics", 200);
    }

    @Test
    void metricsCountTheRequestsOfARouteByStatusInThePrometheusTextFormat() throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboard.ROUTE, "/itest/ops/{id}");
        registrations.add(context.registerService(Handler.class, (request, response) -> {
            if (request.param("id").equals("bad")) {
                throw new HttpException(400, "bad id");
            }
            response.send("ok");
        }, props));
        String route = "/itest/ops/{id}";
        Map<String, Double> before = parse(call("GET", "/metrics").body());

        for (int i = 0; i < 3; i++) {
            assertThat(call("GET", "/itest/ops/" + i).status()).isEqualTo(200);
        }
        assertThat(call("GET", "/itest/ops/bad").status()).isEqualTo(400);
        assertThat(call("POST", "/itest/ops/1").status()).isEqualTo(405);
        Reply scrape = call("GET", "/metrics");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.headers()).containsEntry("content-type", "text/plain; version=0.0.4; charset=utf-8");
        Map<String, Double> after = parse(scrape.body());
        String ok = "picogate_http_requests_total{route=\"" + route + "\",method=\"GET\",status=\"2xx\"}";
        String bad = "picogate_http_requests_total{route=\"" + route + "\",method=\"GET\",status=\"4xx\"}";
        String notAllowed = "picogate_http_requests_total{route=\"(unmatched)\",method=\"POST\",status=\"4xx\"}";
        assertThat(after.get(ok) - before.getOrDefault(ok, 0.0)).isEqualTo(3);
        assertThat(after.get(bad) - before.getOrDefault(bad, 0.0)).isEqualTo(1);
        assertThat(after.get(notAllowed) - before.getOrDefault(notAllowed, 0.0)).isEqualTo(1);
        String count = "picogate_http_request_duration_seconds_count{route=\"" + route + "\"}";
        assertThat(after.get(count) - before.getOrDefault(count, 0.0)).isEqualTo(4);
        assertThat(after.get("picogate_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"+Inf\"}"))
                .isEqualTo(after.get(count));
        assertThat(after.get("picogate_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"10\"}"))
                .isLessThanOrEqualTo(after.get(count));
        // the scrape itself was counted before this one was taken
        assertThat(after.get("picogate_http_requests_total{route=\"/metrics\",method=\"GET\",status=\"2xx\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.get("picogate_http_connections_accepted_total")).isGreaterThanOrEqualTo(6);
        assertThat(after.get("picogate_http_connections_open")).isGreaterThanOrEqualTo(1); // this scrape's
        assertThat(after.get("picogate_scheduler_tasks")).isGreaterThanOrEqualTo(1);
        assertThat(after.get("picogate_scheduler_owner_spawned_tasks_total{owner=\"org.picogate.http\"}"))
                .isGreaterThanOrEqualTo(6); // a task per connection
        assertThat(after.get("jvm_memory_used_bytes{area=\"heap\"}")).isPositive();
        assertThat(after.get("jvm_threads_current")).isPositive();
        assertThat(after.get("process_cpu_seconds_total")).isPositive();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(after.get("process_resident_memory_bytes")).isPositive();
            assertThat(after.get("process_open_fds")).isPositive();
        }
        assertThat(after.keySet()).anyMatch(k -> k.startsWith("jvm_gc_collections_total{gc="));
    }

    @Test
    void theRoutesOfTheEndpointsAreListedByHttpRuntime(@InjectService(timeout = 10_000) HttpRuntime http) {
        assertThat(http.routes()).filteredOn(r -> r.pattern().equals("/metrics") || r.pattern().equals("/health"))
                .extracting(RouteDTO::bundle, RouteDTO::kind, RouteDTO::state)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("org.picogate.ops", RouteDTO.Kind.EXACT,
                        RouteDTO.State.SERVED))
                .hasSize(2);
    }

    @Test
    void healthIs503NamingABundleThatIsNotActiveOrAComponentThatIsUnsatisfied() throws Exception {
        Reply healthy = call("GET", "/health");
        assertThat(healthy.body()).contains("\"reasons\":[]");
        assertThat(healthy.status()).isEqualTo(200);
        assertThat(healthy.body()).startsWith("{\"status\":\"UP\",\"framework\":\"ACTIVE\"");

        Bundle echo;
        try (InputStream jar = getClass().getResourceAsStream("/echo.jar")) {
            echo = context.installBundle("picogate-itests:ops-echo.jar", jar);
        }
        try {
            Reply installed = call("GET", "/health");
            assertThat(installed.status()).isEqualTo(503);
            assertThat(installed.body()).contains("\"status\":\"DOWN\"", "bundle org.picogate.itests.echo ["
                    + echo.getBundleId() + "] is INSTALLED");
            echo.start();
            assertThat(call("GET", "/health").status()).isEqualTo(200);
            echo.stop();
            assertThat(call("GET", "/health").body()).contains("org.picogate.itests.echo [" + echo.getBundleId()
                    + "] is RESOLVED");
        } finally {
            echo.uninstall();
        }
        assertThat(call("GET", "/health").status()).isEqualTo(200);

        ComponentDescriptionDTO unsatisfied = scr.getComponentDescriptionDTO(context.getBundle(),
                OpsTestComponents.UNSATISFIED);
        scr.enableComponent(unsatisfied).getValue();
        try {
            Reply down = call("GET", "/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body()).contains("\"name\":\"" + OpsTestComponents.UNSATISFIED + "\"",
                    "UNSATISFIED_REFERENCE", "reference handler (" + Handler.class.getName() + " "
                            + OpsTestComponents.NO_SUCH_HANDLER + ") has no service");
        } finally {
            scr.disableComponent(unsatisfied).getValue();
        }
        assertThat(call("GET", "/health").status()).isEqualTo(200);
    }

    @Test
    void theOpsPidTurnsAnEndpointOffMovesItAndKeepsItWhenAValueIsBad() throws Exception {
        Configuration ops = configAdmin.getConfiguration(OPS_PID, "?");
        Dictionary<String, Object> off = new Hashtable<>();
        off.put("metricsEnabled", false);
        off.put("healthPath", "/itest/healthz");
        ops.update(off);
        awaitStatus("/itest/healthz", 200);
        awaitStatus("/metrics", 404);
        assertThat(call("GET", "/health").status()).isEqualTo(404);

        Dictionary<String, Object> bad = new Hashtable<>();
        bad.put("healthPath", "no-slash");
        ops.update(bad);
        Thread.sleep(300); // nothing is to change: give a wrong change the time to show
        assertThat(call("GET", "/itest/healthz").status()).isEqualTo(200);
        assertThat(call("GET", "/metrics").status()).isEqualTo(404);
    }

    @Test
    void theConfigCommandShowsMasksSetsAndRejects() throws Exception {
        String pid = OpsTestComponents.PID;
        String shown = config(pid);
        assertThat(shown).contains("secret", "password", "count", "(default 1)", "tags");

        assertThat(config(pid, "secret=s3cret", "count=5", "tags=a, b")).startsWith("updated " + pid);
        Dictionary<String, Object> props = configAdmin.getConfiguration(pid, "?").getProperties();
        assertThat(props.get("secret")).isEqualTo("s3cret");
        assertThat(props.get("count")).isEqualTo(5);
        assertThat((String[]) props.get("tags")).containsExactly("a", "b");
        String masked = config(pid);
        assertThat(masked).contains("********").doesNotContain("s3cret").contains("a,b");

        assertThatThrownBy(() -> config(pid, "count=6", "colour=red"))
                .hasMessageContaining("PID " + pid + " has no key colour").hasMessageContaining("nothing changed");
        assertThatThrownBy(() -> config(pid, "count=many"))
                .hasMessageContaining("PID " + pid + " key count: 'many' is not an int");
        assertThatThrownBy(() -> config(pid, "count=11")).hasMessageContaining("key count");
        assertThatThrownBy(() -> config("org.picogate.itests.none", "a=1"))
                .hasMessageContaining("PID org.picogate.itests.none has no Metatype description");
        assertThat(configAdmin.getConfiguration(pid, "?").getProperties().get("count")).isEqualTo(5);

        config(OPS_PID, "metricsPath=/itest/metrics");
        awaitStatus("/itest/metrics", 200);
        configAdmin.getConfiguration(pid, "?").delete();
    }

    /** Calls the picogate:config command service, as Gogo would; its failure's own exception is rethrown. */
    private String config(String... args) throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences((String) null,
                "(&(osgi.command.scope=picogate)(osgi.command.function=config))");
        assertThat(refs).as("picogate:config").hasSize(1);
        Object command = context.getService(refs[0]);
        try {
            Method m = command.getClass().getMethod("config", String.class, String[].class);
            String pid = args[0];
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            return (String) m.invoke(command, pid, rest);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            context.ungetService(refs[0]);
        }
    }

    /**
     * The samples of a scrape by series ({@code name{labels}} as written), checking the format on the way: every
     * sample's family has its HELP and TYPE lines before it, and label values are well escaped.
     */
    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        List<String> helped = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                helped.add(line.split(" ")[2]);
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                assertThat(helped).as("HELP before TYPE of " + parts[2]).endsWith(parts[2]);
                types.put(parts[2], parts[3]);
            } else {
                Matcher m = SAMPLE.matcher(line);
                assertThat(m.matches()).as("a sample line: " + line).isTrue();
                String name = m.group(1);
                String family = types.containsKey(name) ? name
                        : name.replaceFirst("_(bucket|sum|count)$", "");
                assertThat(types).as("TYPE of " + name).containsKey(family);
                if (m.group(3) != null) {
                    Matcher label = LABEL.matcher(m.group(3));
                    int at = 0;
                    while (label.find() && label.start() == at) {
                        at = label.end();
                    }
                    assertThat(at).as("labels of " + line).isEqualTo(m.group(3).length());
                }
                String value = m.group(4);
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)),
                        value.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value));
            }
        }
        return samples;
    }

    static void awaitStatus(String path, int status) throws InterruptedException {
        HttpFixture.awaitStatus(WAIT, port, path, status);
    }

    static Reply call(String method, String target) throws Exception {
        return HttpFixture.call(port, method, target);
    }
}
