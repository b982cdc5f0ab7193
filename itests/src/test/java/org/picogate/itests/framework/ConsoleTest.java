package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.ListenOptions;
import org.picogate.streams.Stream;
import org.picogate.streams.StreamServer;
import org.picogate.streams.StreamService;
import org.picogate.streams.runtime.StreamDTO;
import org.picogate.streams.runtime.StreamServiceRuntime;
import org.picogate.streams.runtime.StreamsSnapshot;

/**
 * The web console in Felix over HTTP (issue 7 and issue 8's console points): its bundle (console.jar) installed as
 * a user deploys it, with the HTTP whiteboard, Config Admin, Metatype and the log running. Off without a password
 * hash or token; login, session cookie, CSRF, the upload's limits and checks, no secret in the log, and a stream
 * server of this bundle with its owner and connection on the connections page. The address
 * check (non-loopback: 404) is a unit test (GuardTest, AddressCheckTest): every client here is on loopback.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ConsoleTest {
    static final String CONSOLE_PID = "org.picogate.console";
    static final String HELLO_PID = "org.picogate.itests.hello";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String PASSWORD = "correct horse battery";
    static final long MAX_UPLOAD = 64 * 1024;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    @InjectService(timeout = 10_000)
    LogReaderService logReader;

    @InjectService(timeout = 10_000)
    StreamService streams;

    @InjectService(timeout = 10_000)
    StreamServiceRuntime streamsRuntime;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    private final String hash = hash(PASSWORD);
    private final List<Bundle> installed = new ArrayList<>();
    private Bundle console;
    private String base;

    @BeforeEach
    void start() throws Exception {
        int port = HttpFixture.freePort();
        base = "http://127.0.0.1:" + port;
        HttpFixture.serve(configAdmin, port, "swapGraceMillis", 100L, "maxBody", 4L * 1024 * 1024);
        try (InputStream jar = getClass().getResourceAsStream("/console.jar")) {
            assertThat(jar).as("console.jar in the tests bundle").isNotNull();
            console = context.installBundle("picogate-itests:console.jar", jar);
        }
        console.start();
        Await.until(WAIT, () -> "the HTTP server on " + base, () -> status("/no-such-page") == 404);
    }

    @AfterEach
    void stop() throws Exception {
        for (Bundle b : installed) {
            if (b.getState() != Bundle.UNINSTALLED) {
                b.uninstall();
            }
        }
        for (Bundle b : context.getBundles()) { // what the console installed
            if ("org.picogate.itests.hello".equals(b.getSymbolicName())) {
                b.uninstall();
            }
        }
        if (console != null) {
            console.uninstall();
            // its routes stay vacant (503) for the swap grace: gone before the next test starts
            Await.until(WAIT, () -> "the console's routes gone", () -> status("/console/login") == 404);
        }
        for (String pid : List.of(CONSOLE_PID, HELLO_PID)) {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            if (found != null) {
                found[0].delete();
            }
        }
        HttpFixture.reset(configAdmin);
        http.close();
    }

    private void configure(String passwordHash, String bearerToken) throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("passwordHash", passwordHash);
        props.put("token", bearerToken);
        props.put("maxUploadBytes", MAX_UPLOAD);
        configAdmin.getConfiguration(CONSOLE_PID, "?").update(props);
    }

    private void enable(String passwordHash, String bearerToken) throws Exception {
        configure(passwordHash, bearerToken);
        Await.until(WAIT, () -> "the console's login form on " + base, () -> status("/console/login") == 200);
    }

    private boolean logged(long since, String text) {
        for (LogEntry e : Collections.list(logReader.getLog())) {
            if (e.getTime() >= since && String.valueOf(e.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    // ---- HTTP helpers ----

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
                    BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        return cookie == null ? b : b.header("Cookie", cookie);
    }

    private HttpRequest.Builder postForm(String path, String cookie, String... fieldsAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(fieldsAndValues[i]).append('=')
                    .append(URLEncoder.encode(fieldsAndValues[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form.toString()));
        return cookie == null ? b : b.header("Cookie", cookie);
    }

    private HttpRequest.Builder upload(String fileName, byte[] content, String... fieldsAndValues) {
        String boundary = "----console-test-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fieldsAndValues[i]
                    + "\"\r\n\r\n" + fieldsAndValues[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + "/console/bundles/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofByteArray(body.toByteArray()));
    }

    /** Logs in with the password; returns the {@code Cookie} header value of the session. */
    private String login() throws Exception {
        HttpResponse<String> r = send(postForm("/console/login", null, "password", PASSWORD));
        assertThat(r.statusCode()).isEqualTo(303);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private String bearer() {
        return "Bearer " + token;
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The documented format, made here with the JDK as a user's own tool would (10 000 iterations: fast). */
    private static String hash(String password) {
        byte[] salt = random(16);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 10_000, 256)).getEncoded();
            return "pbkdf2-sha256:10000:" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder().encodeToString(key);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private byte[] helloJar() throws IOException {
        try (InputStream jar = getClass().getResourceAsStream("/hello.jar")) {
            assertThat(jar).as("hello.jar in the tests bundle").isNotNull();
            return jar.readAllBytes();
        }
    }

    private Optional<Bundle> bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    // ---- tests ----

    @Test
    void withoutPasswordOrTokenThereIsNoConsole() throws Exception {
        assertThat(status("/console/login")).isEqualTo(404);
        assertThat(status("/console/")).isEqualTo(404);
        enable(hash, "");
        assertThat(status("/console/")).isEqualTo(303);
        configure("", ""); // back off: the routes go
        Await.until(WAIT, () -> "the console's routes gone", () -> status("/console/login") == 404);
        long since = System.currentTimeMillis();
        configure("not-a-hash", "too-short"); // neither is usable: still off, and the log says why
        Await.until(WAIT, () -> "the console's reasons in the log", () -> logged(since, "passwordHash rejected")
                && logged(since, "token rejected"));
        assertThat(status("/console/login")).isEqualTo(404);
        assertThat(logged(since, "not-a-hash")).isFalse();
        assertThat(logged(since, "too-short")).isFalse();
    }

    @Test
    void loginGivesAStrictHttpOnlySessionCookieAndLogoutEndsIt() throws Exception {
        enable(hash, "");
        HttpResponse<String> anonymous = send(get("/console/", null));
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/console/login");
        assertThat(send(postForm("/console/bundles/1/stop", null)).statusCode()).isEqualTo(401);

        HttpResponse<String> wrong = send(postForm("/console/login", null, "password", "wrong horse"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(wrong.body()).contains("Wrong password.");

        HttpResponse<String> ok = send(postForm("/console/login", null, "password", PASSWORD));
        assertThat(ok.statusCode()).isEqualTo(303);
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).matches("picogate_console=[A-Za-z0-9_-]{43}; .*").contains("Path=/console")
                .contains("HttpOnly").contains("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> page = send(get("/console/", cookie));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("org.picogate.console").contains("org.picogate.http");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        for (String path : List.of("/console/routes", "/console/tasks", "/console/connections", "/console/config",
                "/console/config/org.picogate.http", "/console/log")) {
            assertThat(send(get(path, cookie)).statusCode()).as(path).isEqualTo(200);
        }
        // HttpRuntime.connections(): this request's own connection is listed, busy serving it
        assertThat(send(get("/console/connections", cookie)).body()).containsPattern(
                "<td>127\\.0\\.0\\.1:\\d+</td><td>" + base.substring(base.lastIndexOf(':') + 1)
                        + "</td><td>no</td><td>busy</td>");

        assertThat(send(postForm("/console/logout", cookie)).statusCode()).isEqualTo(403); // no CSRF token
        HttpResponse<String> logout = send(postForm("/console/logout", cookie, "csrf", csrfOf(page.body())));
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(send(get("/console/", cookie)).statusCode()).isEqualTo(303); // the session is gone
    }

    /**
     * A stream server opened by this tests bundle through its own StreamService, with a connection from a client
     * stream of the same bundle: the StreamServiceRuntime service lists both with their owner, and so does the
     * connections page; once closed they leave both.
     */
    @Test
    void theConnectionsPageShowsAStreamServerOfATestBundleWithItsOwnerAndOpenConnection() throws Exception {
        enable(hash, "");
        String cookie = login();
        String owner = context.getBundle().getSymbolicName() + " [" + context.getBundle().getBundleId() + "]";
        StreamServer server = streams.listen(ListenOptions.port(0).withHost("127.0.0.1")
                .withName("itest-console-echo"), StreamServiceTest::echoLines);
        try (Stream client = streams.connect("127.0.0.1", server.port(), ConnectOptions.defaults())) {
            client.write("ping\n".getBytes(StandardCharsets.UTF_8));
            client.drain();
            assertThat(client.readLine(100)).isEqualTo("ping");
            String clientAddress = "127.0.0.1:" + ((InetSocketAddress) client.localAddress()).getPort();

            StreamsSnapshot snapshot = streamsRuntime.snapshot();
            assertThat(snapshot.servers()).filteredOn(s -> s.name().equals("itest-console-echo")).singleElement()
                    .satisfies(s -> {
                        assertThat(s.ownerId()).isEqualTo(context.getBundle().getBundleId());
                        assertThat(s.owner()).isEqualTo(context.getBundle().getSymbolicName());
                        assertThat(s.address()).isEqualTo("127.0.0.1:" + server.port());
                        assertThat(s.connections()).extracting(StreamDTO::remoteAddress).containsExactly(clientAddress);
                    });

            String page = send(get("/console/connections", cookie)).body();
            assertThat(page).contains("<tr><td>itest-console-echo</td><td>" + owner + "</td><td>127.0.0.1:"
                    + server.port() + "</td><td>1</td><td>1</td>");
            assertThat(page).contains("<tr><td>itest-console-echo</td><td>" + server.port() + "</td><td>"
                    + clientAddress + "</td><td>no</td><td>open</td>");
            assertThat(page).contains("<tr><td>" + owner + "</td><td>127.0.0.1:" + server.port()
                    + "</td><td>no</td><td>open</td>");
            // the HTTP listener is a stream server too, owned by the HTTP bundle
            assertThat(page).containsPattern("<tr><td>[^<]+</td><td>org\\.picogate\\.http \\[\\d+\\]</td><td>[^<]*:"
                    + base.substring(base.lastIndexOf(':') + 1) + "</td>");
        } finally {
            server.close();
        }
        Await.until(WAIT, () -> "the closed server gone from the snapshot", () -> streamsRuntime.snapshot().servers()
                .stream().noneMatch(s -> s.name().equals("itest-console-echo")));
        assertThat(send(get("/console/connections", cookie)).body()).doesNotContain("itest-console-echo")
                .doesNotContain("<tr><td>" + owner + "</td>");
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIs403AndChangesNothing() throws Exception {
        enable(hash, "");
        Bundle target = context.installBundle("picogate-itests:hello-csrf", new java.io.ByteArrayInputStream(helloJar()));
        installed.add(target);
        target.start();
        String cookie = login();
        String path = "/console/bundles/" + target.getBundleId() + "/stop";

        assertThat(send(postForm(path, cookie)).statusCode()).isEqualTo(403);
        assertThat(send(postForm(path, cookie, "csrf", "forged")).statusCode()).isEqualTo(403);
        String otherSession = login();
        String otherCsrf = csrfOf(send(get("/console/", otherSession)).body());
        assertThat(send(postForm(path, cookie, "csrf", otherCsrf)).statusCode()).isEqualTo(403);
        assertThat(target.getState()).isEqualTo(Bundle.ACTIVE);

        String csrf = csrfOf(send(get("/console/", cookie)).body());
        HttpResponse<String> stopped = send(postForm(path, cookie, "csrf", csrf));
        assertThat(stopped.statusCode()).isEqualTo(303);
        assertThat(target.getState()).isEqualTo(Bundle.RESOLVED);
        assertThat(send(get("/console/", cookie)).body()).contains("stopped org.picogate.itests.hello");
    }

    @Test
    void uploadsAreLimitedCheckedAndInstalledFromAStream() throws Exception {
        enable("", token);
        assertThat(send(upload("hello.jar", helloJar())).statusCode()).isEqualTo(401); // neither session nor token

        HttpResponse<String> tooBig = send(upload("big.jar", random((int) MAX_UPLOAD + 1)).header("Authorization",
                bearer()));
        assertThat(tooBig.statusCode()).isEqualTo(413);

        HttpResponse<String> text = send(upload("notes.txt", "not a jar".getBytes(StandardCharsets.UTF_8))
                .header("Authorization", bearer()));
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("not a bundle: the file is not a jar");

        Manifest plain = new Manifest();
        plain.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, plain)) {
            out.putNextEntry(new ZipEntry("x/Y.class"));
            out.write(new byte[] { (byte) 0xCA, (byte) 0xFE });
        }
        HttpResponse<String> plainJar = send(upload("../../etc/plain.jar", jar.toByteArray())
                .header("Authorization", bearer()));
        assertThat(plainJar.statusCode()).isEqualTo(400);
        assertThat(plainJar.body()).contains("no Bundle-SymbolicName");
        assertThat(bundle("org.picogate.itests.hello")).isEmpty();

        // a real bundle, under a hostile file name that never becomes a path: installed, started, served
        HttpResponse<String> deployed = send(upload("../../../tmp/x;.jar", helloJar())
                .header("Authorization", bearer()));
        assertThat(deployed.statusCode()).isEqualTo(200);
        assertThat(deployed.body()).startsWith("installed and started org.picogate.itests.hello");
        Bundle hello = bundle("org.picogate.itests.hello").orElseThrow();
        assertThat(hello.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(hello.getLocation()).isEqualTo("console:org.picogate.itests.hello");
        Await.until(WAIT, () -> "/hello served", () -> status("/hello") == 200);

        // the same symbolic name again: an update of that bundle, not a second one
        HttpResponse<String> again = send(upload("hello.jar", helloJar()).header("Authorization", bearer()));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).startsWith("updated org.picogate.itests.hello");
        assertThat(bundle("org.picogate.itests.hello").orElseThrow().getBundleId()).isEqualTo(hello.getBundleId());

        // its configuration through the Metatype form: a value applied, then the route says it
        HttpResponse<String> saved = send(postForm("/console/config/" + HELLO_PID, null, "v.greeting", "Ahoy")
                .header("Authorization", bearer()));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("saved " + HELLO_PID + ": greeting");
        Await.until(WAIT, () -> "/hello with the new greeting", () -> {
            try {
                return send(get("/hello", null)).body().equals("Ahoy, world");
            } catch (Exception notYet) {
                return false;
            }
        });
        HttpResponse<String> refused = send(postForm("/console/config/org.picogate.http", null, "v.port", "70000")
                .header("Authorization", bearer()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("port:");
        assertThat(status("/hello")).isEqualTo(200); // the server did not move
    }

    @Test
    void noSecretReachesTheLog() throws Exception {
        long since = System.currentTimeMillis();
        enable(hash, token);
        send(postForm("/console/login", null, "password", "a wrong guess 123"));
        String cookie = login();
        String page = send(get("/console/", cookie)).body();
        String csrf = csrfOf(page);
        send(postForm("/console/bundles/0/stop", cookie)); // refused: no CSRF token, logged
        send(get("/console/", null).header("Authorization", "Bearer wrong-token-value-xyz"));
        send(get("/console/", null).header("Authorization", bearer()));
        send(postForm("/console/config/" + CONSOLE_PID, cookie, "csrf", csrf, "v.token", token + "-new",
                "v.sessionTimeoutMinutes", "31"));
        send(postForm("/console/logout", cookie, "csrf", csrf));
        Await.until(WAIT, () -> "the new token in force", () -> {
            try {
                return send(get("/console/", null).header("Authorization", "Bearer " + token + "-new"))
                        .statusCode() == 200;
            } catch (Exception notYet) {
                return false;
            }
        });

        List<String> lines = new ArrayList<>();
        for (LogEntry e : Collections.list(logReader.getLog())) {
            if (e.getTime() >= since) {
                lines.add(e.getMessage() + " " + e.getException());
            }
        }
        String session = cookie.substring(cookie.indexOf('=') + 1);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("failed login from 127.0.0.1"))
                .anySatisfy(l -> assertThat(l).contains("no valid CSRF token"))
                .anySatisfy(l -> assertThat(l).contains("a wrong token"))
                .anySatisfy(l -> assertThat(l).contains(CONSOLE_PID + " saved by 127.0.0.1, changed: "
                        + "[sessionTimeoutMinutes, token]"));
        for (String secret : List.of(PASSWORD, "a wrong guess 123", hash, hash.split(":")[3], token, token + "-new",
                "wrong-token-value-xyz", session, csrf)) {
            assertThat(lines).noneSatisfy(l -> assertThat(l).contains(secret));
        }
        // the console's own PID: its secrets are Metatype passwords, never put into the form
        String form = send(get("/console/config/" + CONSOLE_PID, null).header("Authorization", "Bearer " + token
                + "-new")).body();
        assertThat(form).doesNotContain(hash.split(":")[3]).doesNotContain(token).contains("(set: type to replace)");
    }
}
