package org.picogate.client.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.picogate.client.HttpProtocolException;
import org.picogate.scheduler.Clock;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.streams.Stream;
import org.picogate.streams.testing.Pipe;

/** The response head parser on an in-memory pipe: what it accepts, and each rule it enforces. */
class ResponseHeadReaderTest {
    private static final URI URL = URI.create("http://device.local/x");
    private final TestScheduler scheduler = TestScheduler.start(Clock.system(), "head-test");
    private final Pipe pipe = Pipe.open(scheduler);

    @AfterEach
    void close() {
        pipe.close();
        scheduler.close();
    }

    private ResponseHead parse(String bytes) throws IOException {
        Stream server = pipe.left();
        server.write(bytes.getBytes(ISO_8859_1));
        server.shutdownOutput();
        return ResponseHeadReader.read(pipe.right(), URL);
    }

    @Test
    void readsStatusReasonAndFieldsInOrder() throws IOException {
        ResponseHead head = parse("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain \r\nX-A: 1\r\nx-a:2\r\n\r\n");
        assertThat(head.http11()).isTrue();
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.reason()).isEqualTo("Not Found");
        assertThat(head.headers().value("content-type")).isEqualTo("text/plain");
        assertThat(head.headers().all("X-A")).containsExactly("1", "2");
    }

    @Test
    void acceptsAnEmptyReasonAndHttp10() throws IOException {
        ResponseHead head = parse("HTTP/1.0 204\r\n\r\n");
        assertThat(head.http11()).isFalse();
        assertThat(head.status()).isEqualTo(204);
        assertThat(head.reason()).isEmpty();
    }

    @Test
    void endOfInputBeforeAnyByteIsNoHead() throws IOException {
        assertThat(parse("")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTP/2 200 OK\\r\\n\\r\\n|malformed status line",
        "HTTP/1.1 200OK\\r\\n\\r\\n|malformed status line",
        "HTTP/1.1 099 Low\\r\\n\\r\\n|status code below 100",
        "HTTP/1.1 200 OK\\n\\r\\n|status line not ended by CRLF",
        "HTTP/1.1 200 O\\x01K\\r\\n\\r\\n|control character in the reason phrase",
        "HTTP/1.1 200 OK\\r\\nBad Name: x\\r\\n\\r\\n|invalid character in a header field name",
        "HTTP/1.1 200 OK\\r\\nName : x\\r\\n\\r\\n|invalid character in a header field name",
        "HTTP/1.1 200 OK\\r\\nNoColon\\r\\n\\r\\n|without a field name and colon",
        "HTTP/1.1 200 OK\\r\\n: x\\r\\n\\r\\n|without a field name",
        "HTTP/1.1 200 OK\\r\\nA: 1\\r\\n folded\\r\\n\\r\\n|obsolete line folding",
        "HTTP/1.1 200 OK\\r\\nA: 1\\x00\\r\\n\\r\\n|control character in a header field value",
        "HTTP/1.1 200 OK\\r\\nA: 1\\n\\r\\n|header line not ended by CRLF",
        "HTTP/1.1 200 OK\\r\\nA: 1\\r\\n|the connection ended within the header section",
        "HTTP/1.1 20|the connection ended within the status line",
    })
    void refusesMalformedHeads(String head, String problem) {
        assertThatThrownBy(() -> parse(head.replace("\\r", "\r").replace("\\n", "\n").replace("\\x01", "\u0001")
                .replace("\\x00", "\u0000")))
                .isInstanceOf(HttpProtocolException.class).hasMessageContaining(problem);
    }

    @Test
    void refusesAStatusLineOverItsLimit() {
        assertThatThrownBy(() -> parse("HTTP/1.1 200 " + "x".repeat(ResponseHeadReader.MAX_LINE) + "\r\n\r\n"))
                .isInstanceOf(HttpProtocolException.class).hasMessageContaining("status line longer than 8192");
    }

    @Test
    void summarisesOffendingBytesEscapedAndCut() {
        byte[] bytes = ("HTTP/1.1 \u00ff\"\t" + "y".repeat(100)).getBytes(ISO_8859_1);
        assertThat(HttpProtocolException.summary(bytes)).startsWith("\"HTTP/1.1 \\xff\\\"\\tyyy")
                .endsWith("...\" (112 bytes)".replace("...\"", "\"...")).hasSizeLessThan(100);
    }
}
