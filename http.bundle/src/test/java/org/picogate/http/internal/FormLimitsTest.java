package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picogate.http.FilePart;
import org.picogate.http.Handler;
import org.picogate.http.internal.HttpTestConnection.Reply;
import org.picogate.http.internal.forms.FormLimits;

/**
 * The form limits of the configuration at work on a connection: each one over its limit is answered with its
 * status and reason, the connection ends (the body was not read to its end), no upload is left on disk, and a
 * change applies from the next request on.
 */
class FormLimitsTest {
    @TempDir
    Path uploads;
    private final AtomicReference<HttpLimits> limits = new AtomicReference<>(HttpLimits.DEFAULTS);
    private final AtomicReference<Handler> handler = new AtomicReference<>(
            (req, resp) -> resp.send("fields " + req.form().fields().keySet() + " files " + req.form().files().size()));
    private HttpTestConnection http = new HttpTestConnection("form-limits", limits::get, handler::get);

    @AfterEach
    void close() {
        http.close();
    }

    private void forms(int maxParameters, int maxParts, int maxPartHeaderBytes, int maxFieldBytes, long maxFileBytes,
            int memoryThreshold) {
        HttpLimits d = HttpLimits.DEFAULTS;
        limits.set(new HttpLimits(d.maxRequestLine(), d.maxHeaderBytes(), d.maxHeaders(), d.maxBody(),
                Duration.ofSeconds(10), Duration.ofSeconds(60), 1000, new FormLimits(maxParameters, maxParts,
                        maxPartHeaderBytes, maxFieldBytes, maxFileBytes, memoryThreshold, uploads)));
    }

    private Reply post(String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        http.send("POST /f HTTP/1.1\r\nHost: gw\r\nContent-Type: " + contentType + "\r\nContent-Length: " + b.length
                + "\r\n\r\n" + new String(b, StandardCharsets.ISO_8859_1));
        return http.read();
    }

    private static String part(String name, String filename, String content) {
        return "--b\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n\r\n" + content + "\r\n";
    }

    private Reply multipart(String... parts) throws IOException {
        return post("multipart/form-data; boundary=b", String.join("", parts) + "--b--\r\n");
    }

    /** The answer was the last on the connection, and nothing is left in the upload directory after it. */
    private void closedAndNothingOnDisk() throws IOException {
        assertThat(http.serverClosed()).as("the connection ends after a body left unread").isTrue();
        try (Stream<Path> left = Files.list(uploads)) {
            assertThat(left).as("uploads left on disk").isEmpty();
        }
    }

    @Test
    void aFileOverItsLimitIs413AndItsPartialTemporaryFileIsDeleted() throws Exception {
        forms(1000, 10, 8192, 1024, 100, 16); // past 16 bytes a file goes to disk, past 100 it is refused
        Reply r = multipart(part("f", "big.bin", "x".repeat(200)));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("an uploaded file is over 100 bytes");
        closedAndNothingOnDisk();
    }

    @Test
    void tooManyPartsIs413() throws Exception {
        forms(1000, 2, 8192, 1024, 1024, 16);
        Reply r = multipart(part("a", null, "1"), part("b", null, "2"), part("c", null, "3"));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("more than 2 form parts");
        closedAndNothingOnDisk();
    }

    @Test
    void aFieldOverItsLimitIs413() throws Exception {
        forms(1000, 10, 8192, 10, 1024, 16);
        Reply r = multipart(part("a", null, "12345678901"));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("a form field is over 10 bytes");
        closedAndNothingOnDisk();
    }

    @Test
    void partHeadersOverTheirLimitAre413() throws Exception {
        forms(1000, 10, 64, 1024, 1024, 16);
        Reply r = multipart(part("f", "n".repeat(80) + ".txt", "x"));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("headers are over 64");
        closedAndNothingOnDisk();
    }

    @Test
    void tooManyParametersIs413ForAFormAnd400ForAQuery() throws Exception {
        forms(3, 10, 8192, 1024, 1024, 16);
        handler.set((req, resp) -> resp.send("q " + req.queryMap().size()));
        http.send("GET /?a=1&b=2&c=3&d=4 HTTP/1.1\r\nHost: gw\r\n\r\n");
        Reply query = http.read();
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.body()).contains("more than 3 parameters");

        http.close();
        http = new HttpTestConnection("form-limits", limits::get, handler::get);
        handler.set((req, resp) -> resp.send("form " + req.form().fields().size()));
        Reply form = post("application/x-www-form-urlencoded", "a=1&b=2&c=3&d=4");
        assertThat(form.status()).isEqualTo(413);
        assertThat(form.body()).contains("more than 3 parameters");
    }

    @Test
    void aThresholdOfZeroPutsEveryFileOnDiskUntilTheRequestEnds() throws Exception {
        forms(1000, 10, 8192, 1024, 1024, 0);
        handler.set((req, resp) -> {
            FilePart f = req.form().file("f");
            resp.send("on disk " + f.path().map(Files::exists).orElse(false) + " in " + f.path()
                    .map(p -> p.getParent().equals(uploads)).orElse(false));
        });
        assertThat(multipart(part("f", "tiny.txt", "abc")).body()).isEqualTo("on disk true in true");
        handler.set((req, resp) -> {
            try (Stream<Path> left = Files.list(uploads)) {
                resp.send("left " + left.count());
            }
        });
        http.send("GET / HTTP/1.1\r\nHost: gw\r\n\r\n"); // answered once the previous request has ended
        assertThat(http.read().body()).isEqualTo("left 0");
    }

    @Test
    void newLimitsApplyFromTheNextRequestOnTheSameConnection() throws Exception {
        String threeFields = part("a", null, "1") + part("b", null, "2") + part("c", null, "3");
        assertThat(multipart(threeFields).body()).isEqualTo("fields [a, b, c] files 0");
        forms(1000, 2, 8192, 1024, 1024, 16);
        Reply r = multipart(threeFields);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("more than 2 form parts");
    }
}
