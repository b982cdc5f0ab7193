package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The HTTP access log in Felix: off by default; switched on by the {@code accessLog} key of PID
 * {@code org.picogate.http}, one entry per request (refused ones too) reaches the Log service.
 */
@ExtendWith(ServiceExtension.class)
class AccessLogTest {
    static final String LOGGER = "org.picogate.http.access";
    static final Duration WAIT = Duration.ofSeconds(20);

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    @InjectService(timeout = 10_000)
    LogReaderService logReader;

    @TempDir
    Path site;

    private final BlockingQueue<LogEntry> entries = new LinkedBlockingQueue<>();
    /** Every access log message this test saw, probes included. */
    private final List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final LogListener listener = entry -> {
        if (LOGGER.equals(entry.getLoggerName())) {
            all.add(entry.getMessage());
            entries.add(entry);
        }
    };
    private int port;

    @BeforeEach
    void start() throws Exception {
        port = HttpFixture.freePort();
        Files.writeString(site.resolve("index.html"), "Hello.\r\n");
        logReader.addLogListener(listener);
    }

    @AfterEach
    void stop() throws Exception {
        logReader.removeLogListener(listener);
        HttpFixture.reset(configAdmin);
    }

    private void configure(boolean accessLog) throws Exception {
        if (accessLog) {
            HttpFixture.serve(configAdmin, port, "staticDir", site.toString(), "staticPrefix", "/", "accessLog", true);
        } else {
            HttpFixture.serve(configAdmin, port, "staticDir", site.toString(), "staticPrefix", "/");
        }
    }

    /** Sends the requests on one connection and reads until the server closes it (the last says close). */
    private String exchange(String requests) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException notYet) {
            return "";
        }
    }

    private String messageOfNextEntry() throws InterruptedException {
        LogEntry entry = entries.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(entry).as("an access log entry").isNotNull();
        assertThat(entry.getLogLevel()).isEqualTo(LogLevel.AUDIT);
        return entry.getMessage();
    }

    @Test
    void offByDefaultThenOneEntryPerRequestOnceSwitchedOn() throws Exception {
        configure(false);
        Await.until(WAIT, () -> "the server on port " + port,
                () -> exchangeQuietly("GET /index.html?off HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n")
                        .startsWith("HTTP/1.1 200"));

        configure(true);
        // live: once an answer is logged, the configuration is in force
        Await.until(WAIT, () -> "an access log entry after switching it on", () -> {
            exchangeQuietly("GET /index.html?probe HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n");
            return !entries.isEmpty();
        });
        assertThat(exchange("GET /index.html?last-probe HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200");
        while (!messageOfNextEntry().contains("\"GET /index.html?last-probe HTTP/1.1\" 200 ")) {
            // an earlier probe's entry: only probes talked to this port since the log was switched on
        }

        String answers = exchange("GET /index.html HTTP/1.1\r\nHost: gw\r\nUser-Agent: itest\r\n\r\n"
                + "GET /missing HTTP/1.1\r\nHost: gw\r\n\r\n"
                + "HEAD /index.html HTTP/1.1\r\nHost: gw\r\n\r\n"
                + "GET /index.html HTTP/1.1\r\nHost: gw\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n");
        assertThat(answers).startsWith("HTTP/1.1 200").contains("HTTP/1.1 404", "HTTP/1.1 400");

        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add(messageOfNextEntry());
        }
        assertThat(lines.get(0)).matches("127\\.0\\.0\\.1 - - \\[[^]]+\\] \"GET /index.html HTTP/1.1\" 200 \\d+ "
                + "\"-\" \"itest\" \\d+");
        assertThat(lines.get(1)).contains("\"GET /missing HTTP/1.1\" 404 ");
        assertThat(lines.get(2)).contains("\"HEAD /index.html HTTP/1.1\" 200 ");
        assertThat(lines.get(3)).contains("\"-\" 400 ");
        assertThat(entries.poll(200, TimeUnit.MILLISECONDS)).as("no more entries than requests").isNull();
        assertThat(all).as("entries while it was off").noneMatch(line -> line.contains("?off"));
    }

    private String exchangeQuietly(String request) {
        try {
            return exchange(request);
        } catch (Exception e) {
            return "";
        }
    }
}
