package org.picogate.itests.framework;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What the HTTP tests in Felix share: the server of PID {@code org.picogate.http} put on a free loopback port and
 * reset to its defaults after, and one request on its own connection read whole (until the server closes it).
 */
final class HttpFixture {
    static final String PID = "org.picogate.http";

    /** One answer on its own connection; header names lower-cased, the body as UTF-8. */
    record Reply(int status, Map<String, String> headers, String body) {
    }

    private HttpFixture() {
    }

    /** A port nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /**
     * Configures the server on 127.0.0.1:{@code port} with the other keys and values given in pairs; returns at
     * once (Config Admin applies it asynchronously).
     */
    static void serve(ConfigurationAdmin configAdmin, int port, Object... keysAndValues) throws IOException {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("port", port);
        props.put("host", "127.0.0.1");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        configAdmin.getConfiguration(PID, "?").update(props);
    }

    /** Back to the defaults by an empty update: delete and a new configuration was at times not applied. */
    static void reset(ConfigurationAdmin configAdmin) throws IOException {
        configAdmin.getConfiguration(PID, "?").update(new Hashtable<>());
    }

    /** One request on its own connection ({@code Connection: close}), read until the server closes it. */
    static Reply call(int port, String method, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: itest\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            String[] lines = all.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(), lines[i].substring(colon + 1).strip());
            }
            return new Reply(Integer.parseInt(lines[0].substring(9, 12)), headers, all.substring(end + 4));
        }
    }

    /** Waits until a GET of {@code path} on its own connection answers {@code status}. */
    static void awaitStatus(Duration timeout, int port, String path, int status) throws InterruptedException {
        Object[] last = new Object[1];
        Await.until(timeout, () -> status + " for " + path + " on port " + port + " (last: " + last[0] + ")", () -> {
            try {
                Reply reply = call(port, "GET", path);
                last[0] = reply.status();
                return reply.status() == status;
            } catch (Exception notYet) {
                last[0] = notYet;
                return false;
            }
        });
    }
}
