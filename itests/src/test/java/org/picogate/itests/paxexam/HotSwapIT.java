package org.picogate.itests.paxexam;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.picogate.itests.paxexam.ReactorBundles.reactorBundle;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.picogate.http.Handler;
import org.picogate.http.whiteboard.HttpWhiteboard;

/**
 * Hot swap under load: a handler bundle, built here, is updated 30 times (v1 and v2 in turn, each answering its own
 * body at the same route) while 50 keep-alive clients send requests without pause. Every request must get 200
 * with exactly v1's or v2's body: the requests that arrive while the route has no provider wait for the next
 * version (swap grace), and the ones running on the old version finish before it stops.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT {
    private static final String BODY_HEADER = "X-Picogate-Body";
    private static final int CLIENTS = 50;
    private static final int UPDATES = 30;
    private static final String V1 = "v1: the first version of the swapped handler";
    private static final String V2 = "v2: the second version, with another body";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return options(
                ReactorBundles.junitAndScr(),
                reactorBundle("picogate.bundle.configadmin"),
                reactorBundle("picogate.bundle.log"),
                reactorBundle("picogate.bundle.jackson.core"),
                reactorBundle("picogate.bundle.jackson.jr"),
                reactorBundle("picogate.bundle.scheduler"),
                reactorBundle("picogate.bundle.streams"),
                // started by the test, once its configuration (port) is in place
                reactorBundle("picogate.bundle.http").noStart());
    }

    /** The handler of the swapped bundle: answers the body its manifest names, at /swap. */
    public static final class SwapActivator implements BundleActivator {
        private ServiceRegistration<Handler> registration;

        @Override
        public void start(BundleContext context) {
            byte[] body = context.getBundle().getHeaders().get(BODY_HEADER).getBytes(StandardCharsets.UTF_8);
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(HttpWhiteboard.ROUTE, "/swap");
            registration = context.registerService(Handler.class, (request, response) -> response.send(body), props);
        }

        @Override
        public void stop(BundleContext context) {
            registration.unregister();
        }
    }

    @Test
    public void aHandlerBundleUpdated30TimesUnderLoadFailsNoRequest() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("port", port);
        props.put("host", "127.0.0.1");
        props.put("swapGraceMillis", 5000L);
        props.put("maxRequestsPerConnection", 100_000_000);
        configAdmin.getConfiguration("org.picogate.http", "?").update(props);
        httpBundle().start();

        byte[] v1 = handlerBundle("1.0.0", V1);
        byte[] v2 = handlerBundle("2.0.0", V2);
        Bundle handler = context.installBundle("picogate-hotswap-handler", new ByteArrayInputStream(v1));
        handler.start();
        awaitBody(port, V1);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ok = new AtomicLong();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        // platform threads: clients in virtual threads would share the server's two carriers here and starve it
        try (ExecutorService clients = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                all.add(clients.submit(() -> load(port, running, ok, seen, failures)));
            }
            try {
                for (int u = 1; u <= UPDATES; u++) {
                    String next = u % 2 == 1 ? V2 : V1;
                    long before = ok.get();
                    handler.update(new ByteArrayInputStream(next == V2 ? v2 : v1));
                    awaitBody(port, next);
                    awaitProgress(ok, before + CLIENTS); // the clients go on past the swap
                }
            } finally {
                running.set(false); // also when a swap failed: the clients stop, so the executor can close
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        assertEquals("failed requests: " + failures, List.of(), failures.subList(0, Math.min(10, failures.size())));
        assertEquals(Set.of(V1, V2), seen);
        assertTrue("requests served: " + ok.get(), ok.get() > CLIENTS * UPDATES);
        handler.uninstall();
    }

    private Bundle httpBundle() {
        for (Bundle b : context.getBundles()) {
            if ("org.picogate.http".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("the http bundle is not installed");
    }

    private static final byte[] REQUEST = "GET /swap HTTP/1.1\r\nHost: itest\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** One client: one keep-alive connection, requests back to back until told to stop. */
    private static Void load(int port, AtomicBoolean running, AtomicLong ok, Set<String> seen, List<String> failures) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (running.get()) {
                String[] reply = exchange(out, in);
                if (!reply[0].startsWith("HTTP/1.1 200 ") || !(reply[1].equals(V1) || reply[1].equals(V2))) {
                    failures.add(reply[0] + " " + reply[1]);
                    return null;
                }
                seen.add(reply[1]);
                ok.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            failures.add(e.toString());
        }
        return null;
    }

    /** One GET /swap on an open connection: status line and body. */
    private static String[] exchange(OutputStream out, InputStream in) throws IOException {
        out.write(REQUEST);
        out.flush();
        String status = line(in);
        int length = 0;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(h.substring(15).strip());
            }
        }
        return new String[] { status, new String(in.readNBytes(length), StandardCharsets.UTF_8) };
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n';) {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Waits until a new connection gets {@code body}: the version just installed serves. */
    private static void awaitBody(int port, String body) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String last = null;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(20_000);
                String[] reply = exchange(socket.getOutputStream(), new BufferedInputStream(socket.getInputStream()));
                if (reply[1].equals(body)) {
                    return;
                }
                last = reply[0] + " " + reply[1];
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("not served within 20 s: " + body + " (last: " + last + ")");
    }

    private static void awaitProgress(AtomicLong ok, long target) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (ok.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the clients stopped getting answers: " + ok.get() + " < " + target);
            }
            Thread.sleep(1);
        }
    }

    /** A bundle with {@link SwapActivator}, answering {@code body}, built in memory (the class from this bundle). */
    private static byte[] handlerBundle(String version, String body) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.picogate.itests.hotswap");
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Activator", SwapActivator.class.getName());
        main.putValue("Import-Package", "org.osgi.framework,org.picogate.http,org.picogate.http.whiteboard");
        main.putValue(BODY_HEADER, body);
        String entry = SwapActivator.class.getName().replace('.', '/') + ".class";
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest);
                InputStream classFile = SwapActivator.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar.toByteArray();
    }
}
