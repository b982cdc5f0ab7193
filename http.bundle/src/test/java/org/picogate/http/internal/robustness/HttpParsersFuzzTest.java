package org.picogate.http.internal.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.picogate.http.FilePart;
import org.picogate.http.HttpException;
import org.picogate.http.internal.ChunkedBodyStream;
import org.picogate.http.internal.HttpLimits;
import org.picogate.http.internal.RequestHead;
import org.picogate.http.internal.RequestParser;
import org.picogate.http.internal.forms.FormData;
import org.picogate.http.internal.forms.FormLimits;
import org.picogate.http.internal.forms.MultipartParser;
import org.picogate.http.internal.forms.QueryStrings;
import org.picogate.http.internal.forms.TempFiles;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.Stream;
import org.picogate.streams.testing.Pipe;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz tests of the server's parsers: each input must give a result within the limits or the documented
 * {@link HttpException} (with one of the statuses the parser documents) or {@link IOException} (input that ends
 * early); any other throwable is a finding. In {@code ./mvnw verify} they run in regression mode, over the inputs
 * in {@code src/test/resources/org/picogate/http/internal/robustness/HttpParsersFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} one of them fuzzes for its {@code maxDuration} (README, "Robustness").
 */
class HttpParsersFuzzTest {
    /** Bytes an input may be: below the pipe's backpressure (1 MiB), above every limit below. */
    private static final int MAX_INPUT = 64 * 1024;
    private static final HttpLimits LIMITS = new HttpLimits(512, 1024, 16, 2048, Duration.ofSeconds(10),
            Duration.ofSeconds(60), 100);
    private static final FormLimits FORM_LIMITS = new FormLimits(16, 4, 256, 512, 1024, 256, null);
    private static final Set<Integer> HEAD_STATUSES = Set.of(400, 413, 414, 417, 431, 501, 505);
    private static final Set<Integer> BODY_STATUSES = Set.of(400, 413);

    private static final TestScheduler SCHEDULER = TestScheduler.start(VirtualClock.create(), "http-fuzz");

    @AfterAll
    static void stop() {
        SCHEDULER.close();
    }

    /** The request head parser, then the body as the head frames it, over an in-memory connection. */
    @FuzzTest(maxDuration = "10m")
    void requestParser(byte[] input) throws Exception {
        try (Pipe pipe = Pipe.open(SCHEDULER)) {
            Stream server = sendAndClose(pipe, input);
            RequestHead head;
            try {
                head = RequestParser.readHead(server, LIMITS);
            } catch (HttpException e) {
                assertThat(HEAD_STATUSES).contains(e.status());
                return;
            } catch (IOException ended) {
                return;
            }
            if (head == null) {
                return;
            }
            assertThat(head.target().length()).isLessThan(LIMITS.maxRequestLine());
            // + 1: an absolute-form target in HTTP/1.0 without Host adds the Host its authority names (RFC 9112
            // 3.2.2); found by this fuzz test, the input is kept as a regression input
            assertThat(head.headers().size()).isLessThanOrEqualTo(LIMITS.maxHeaders() + 1);
            assertThat(head.method()).isNotEmpty();
            try (InputStream body = RequestParser.body(server, head, LIMITS.maxBody(), LIMITS)) {
                assertThat(body.readAllBytes().length).isLessThanOrEqualTo((int) LIMITS.maxBody());
            } catch (HttpException e) {
                assertThat(BODY_STATUSES).contains(e.status());
            } catch (IOException ended) {
                // input ended inside the body
            }
        }
    }

    /** The chunked decoder alone: the input is what follows a head with {@code Transfer-Encoding: chunked}. */
    @FuzzTest(maxDuration = "10m")
    void chunkedBody(byte[] input) throws Exception {
        try (Pipe pipe = Pipe.open(SCHEDULER)) {
            Stream server = sendAndClose(pipe, input);
            try (InputStream body = new ChunkedBodyStream(server, LIMITS.maxBody(), LIMITS.maxHeaderBytes(),
                    LIMITS.maxHeaders())) {
                byte[] data = body.readAllBytes();
                assertThat(data.length).isLessThanOrEqualTo((int) LIMITS.maxBody());
                assertThat(body.read()).as("the end stays the end").isEqualTo(-1);
            } catch (HttpException e) {
                assertThat(BODY_STATUSES).contains(e.status());
            } catch (IOException ended) {
                // input ended inside the body
            }
        }
    }

    /** multipart/form-data with a boundary taken from the input's first line. */
    @FuzzTest(maxDuration = "10m")
    void multipart(byte[] input) throws Exception {
        int nl = indexOf(input, (byte) '\n');
        String boundary = nl < 0 ? "b" : new String(input, 0, nl, java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] body = nl < 0 ? input : Arrays.copyOfRange(input, nl + 1, input.length);
        TempFiles temp = new TempFiles();
        try {
            FormData form = MultipartParser.parse(new ByteArrayInputStream(body), boundary, FORM_LIMITS, temp);
            int parts = 0;
            for (Map.Entry<String, List<String>> field : form.fields().entrySet()) {
                parts += field.getValue().size();
                for (String value : field.getValue()) {
                    assertThat(value.length()).isLessThanOrEqualTo(FORM_LIMITS.maxFieldBytes());
                }
            }
            for (FilePart file : form.files()) {
                parts++;
                assertThat(file.size()).isLessThanOrEqualTo(FORM_LIMITS.maxFileBytes());
            }
            assertThat(parts).isLessThanOrEqualTo(FORM_LIMITS.maxParts());
        } catch (HttpException e) {
            assertThat(BODY_STATUSES).contains(e.status());
        } catch (IOException ended) {
            // body ended inside a part
        } finally {
            temp.deleteAll();
        }
    }

    /** The query and urlencoded-form decoder (parse_qs rules). */
    @FuzzTest(maxDuration = "10m")
    void queryAndForm(byte[] input) {
        try {
            Map<String, List<String>> parsed = QueryStrings.parse(input, 0, input.length,
                    FORM_LIMITS.maxParameters(), 413);
            assertThat(parsed.values().stream().mapToInt(List::size).sum())
                    .isLessThanOrEqualTo(FORM_LIMITS.maxParameters());
        } catch (HttpException e) {
            assertThat(BODY_STATUSES).contains(e.status());
        }
    }

    private static Stream sendAndClose(Pipe pipe, byte[] input) throws IOException {
        Stream client = pipe.left();
        client.write(input.length > MAX_INPUT ? Arrays.copyOf(input, MAX_INPUT) : input);
        client.shutdownOutput();
        return pipe.right();
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
