package org.picogate.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The smallest HTTP server a JVM can be: the JDK's own {@code com.sun.net.httpserver}, one virtual thread per
 * exchange, answering every GET with the bytes of one file read at start. No OSGi, no framework, no logging.
 * bench/run-jvm-floor.sh measures its RSS under the seed benchmark with the gateway's JVM options: what the JVM
 * alone costs, the floor under any footprint target for the gateway on the same JVM.
 *
 * <p>Arguments: port, file.
 */
public final class JdkHttpServerFloor {

    private JdkHttpServerFloor() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] page = Files.readAllBytes(Path.of(args[1]));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            }
        });
        server.start();
    }
}
