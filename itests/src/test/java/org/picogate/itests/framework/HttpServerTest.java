package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.picogate.http.Handler;

/** The HTTP server in Felix over real sockets: a Handler service and the static directory, 100 clients at once. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class HttpServerTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    @TempDir
    Path site;

    private int port;
    private ServiceRegistration<Handler> handler;

    @BeforeEach
    void configure() throws Exception {
        port = HttpFixture.freePort();
        byte[] page = "Hello.\r\n".repeat(1500).getBytes(StandardCharsets.US_ASCII); // the seed's 12000 bytes
        Files.write(site.resolve("index.html"), page);
        HttpFixture.serve(configAdmin, port, "staticDir", site.toString(), "staticPrefix", "/static");
        handler = context.registerService(Handler.class,
                (request, response) -> response.send("app saw " + request.method() + " " + request.path()), null);
        Await.until(WAIT, () -> "the server on port " + port, () -> answers(port));
    }

    @AfterEach
    void reset() throws Exception {
        handler.unregister();
        HttpFixture.reset(configAdmin);
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    /** One exchange on an open connection: returns status line and body. */
    private static String[] exchange(Socket socket, String request) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1);
        String status = lines.readLine();
        int length = 0;
        for (String h = lines.readLine(); h != null && !h.isEmpty(); h = lines.readLine()) {
            if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(h.substring(15).strip());
            }
        }
        char[] body = new char[length];
        for (int at = 0; at < length;) {
            int n = lines.read(body, at, length - at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        return new String[] { status, new String(body) };
    }

    @Test
    void aHandlerServiceAnswersAndStaticFilesAreServed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String[] app = exchange(socket, "GET /hello HTTP/1.1\r\nHost: gw\r\n\r\n");
            assertThat(app[0]).isEqualTo("HTTP/1.1 200 OK");
            assertThat(app[1]).isEqualTo("app saw GET /hello");
            String[] file = exchange(socket, "GET /static/ HTTP/1.1\r\nHost: gw\r\n\r\n");
            assertThat(file[0]).isEqualTo("HTTP/1.1 200 OK");
            assertThat(file[1]).hasSize(12000).startsWith("Hello.\r\n");
        }
    }

    @Test
    void hundredConcurrentKeepAliveClientsAllGetTheirAnswers() throws Exception {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < 100; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    int ok = 0;
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        for (int r = 0; r < 10; r++) {
                            String path = r % 2 == 0 ? "/static/index.html" : "/c" + client + "/r" + r;
                            String[] reply = exchange(socket, "GET " + path + " HTTP/1.1\r\nHost: gw\r\n\r\n");
                            boolean right = reply[0].equals("HTTP/1.1 200 OK") && (r % 2 == 0
                                    ? reply[1].length() == 12000 : reply[1].equals("app saw GET " + path));
                            ok += right ? 1 : 0;
                        }
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            assertThat(total).isEqualTo(1000);
        }
    }

    @Test
    void aBrokenRequestGetsItsStatusAndTheConnectionCloses() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String[] reply = exchange(socket, "GET / HTTP/1.1\r\nHost: gw\r\nContent-Length: 1\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            assertThat(reply[0]).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }
}
