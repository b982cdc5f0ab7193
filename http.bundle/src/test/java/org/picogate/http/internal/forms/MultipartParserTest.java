package org.picogate.http.internal.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picogate.http.FilePart;
import org.picogate.http.HttpException;

/** multipart/form-data (RFC 7578) with real temporary files; every malformation and limit. */
class MultipartParserTest {
    private static final String B = "----picogate7MA4YWxk";

    @TempDir
    Path dir;
    private final TempFiles temp = new TempFiles();

    @AfterEach
    void deleteUploads() {
        temp.deleteAll();
    }

    private FormLimits limits() {
        return new FormLimits(1000, 100, 8192, 1 << 20, Long.MAX_VALUE, 64, dir);
    }

    private FormData parse(String body) throws IOException {
        return parse(body.getBytes(StandardCharsets.UTF_8), limits());
    }

    private FormData parse(byte[] body, FormLimits limits) throws IOException {
        return MultipartParser.parse(new ByteArrayInputStream(body), B, limits, temp);
    }

    private static int status(ThrowingCall call) {
        Throwable t = catchThrowable(call::call);
        assertThat(t).isInstanceOf(HttpException.class);
        return ((HttpException) t).status();
    }

    private static String field(String name, String value) {
        return "--" + B + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String end() {
        return "--" + B + "--\r\n";
    }

    @Test
    void fieldsAndASmallFileStayInMemory() throws Exception {
        FormData form = parse(field("title", "Hello") + field("tag", "a") + field("tag", "b")
                + "--" + B + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nline 1\r\nline 2\r\n" + end());
        assertThat(form.field("title")).isEqualTo("Hello");
        assertThat(form.fields("tag")).containsExactly("a", "b");
        assertThat(form.fields()).containsOnlyKeys("title", "tag");
        FilePart doc = form.file("doc");
        assertThat(doc.filename()).isEqualTo("notes.txt");
        assertThat(doc.contentType()).isEqualTo("text/plain");
        assertThat(new String(doc.bytes(), StandardCharsets.UTF_8)).isEqualTo("line 1\r\nline 2");
        assertThat(doc.size()).isEqualTo(14);
        assertThat(doc.path()).isEmpty();
        assertThat(temp.size()).isZero();
    }

    @Test
    void aFileOverTheThresholdGoesToATemporaryFileDeletedWithTheRequest() throws Exception {
        byte[] content = new byte[10_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31); // every byte value, CR and LF and '-' among them
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + B + "\r\nContent-Disposition: form-data; name=\"blob\"; filename=\"b.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes(("\r\n" + end()).getBytes(StandardCharsets.US_ASCII));
        FilePart blob = parse(body.toByteArray(), limits()).file("blob");
        assertThat(blob.contentType()).isEqualTo("application/octet-stream");
        assertThat(blob.size()).isEqualTo(content.length);
        Path file = blob.path().orElseThrow();
        assertThat(file.getParent()).isEqualTo(dir);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        try (InputStream in = blob.inputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        Path saved = dir.resolve("saved.bin");
        blob.saveTo(saved);
        assertThat(Files.readAllBytes(saved)).isEqualTo(content);

        temp.deleteAll();
        assertThat(file).doesNotExist();
        assertThat(saved).exists();
    }

    @Test
    void theDelimiterIsFoundWhenTheBodyArrivesByteByByte() throws Exception {
        byte[] body = (field("a", "x\r\n--" + B.substring(0, 10) + " not a boundary") + field("b", "y") + end())
                .getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            int i;

            @Override
            public int read() {
                return i < body.length ? body[i++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= body.length) {
                    return -1;
                }
                b[off] = body[i++];
                return 1;
            }
        };
        FormData form = MultipartParser.parse(trickle, B, limits(), temp);
        assertThat(form.field("a")).isEqualTo("x\r\n--" + B.substring(0, 10) + " not a boundary");
        assertThat(form.field("b")).isEqualTo("y");
    }

    @Test
    void preambleEpilogueAndTransportPaddingAreIgnored() throws Exception {
        FormData form = parse("This is the preamble.\r\n--" + B + "  \t\r\n"
                + "Content-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" + end() + "and an epilogue");
        assertThat(form.field("a")).isEqualTo("1");
    }

    @Test
    void emptyFormAndEmptyValues() throws Exception {
        assertThat(parse(end()).fields()).isEmpty();
        assertThat(parse(field("a", "") + end()).fields("a")).containsExactly("");
    }

    @Test
    void fileNamesAsBrowsersSendThem() throws Exception {
        FormData form = parse("--" + B + "\r\ncontent-disposition: FORM-DATA; name=\"f\"; filename=\"C:\\dir\\été \\\"q\\\".txt\"\r\n\r\n"
                + "x\r\n--" + B + "\r\nContent-Disposition: form-data; name=none; filename=\"\"\r\n\r\n\r\n" + end());
        assertThat(form.file("f").filename()).isEqualTo("C:\\dir\\été \"q\".txt");
        assertThat(form.file("none").filename()).isEmpty();
        assertThat(form.file("none").size()).isZero();
        assertThat(form.files()).extracting(FilePart::name).containsExactly("f", "none");
        assertThat(form.files("f")).hasSize(1);
        assertThat(form.file("missing")).isNull();
        assertThat(form.field("f")).isNull();
    }

    @Test
    void aFieldIsUtf8() throws Exception {
        assertThat(parse(field("name", "Zoë 🙂") + end()).field("name")).isEqualTo("Zoë 🙂");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "a\u00e9", "ends-with-space ", "x\"y",
            "12345678901234567890123456789012345678901234567890123456789012345678901" })
    void aBadBoundaryIs400(String boundary) {
        assertThat(status(() -> MultipartParser.parse(InputStream.nullInputStream(), boundary, limits(), temp)))
                .isEqualTo(400);
    }

    @Test
    void noBoundaryAtAllIs400() {
        assertThat(status(() -> MultipartParser.parse(InputStream.nullInputStream(), null, limits(), temp)))
                .isEqualTo(400);
    }

    @Test
    void malformedBodiesAre400() {
        List<String> bodies = List.of(
                "no delimiter at all",
                field("a", "1"), // no closing delimiter
                "--" + B + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunfinished",
                "--" + B + "xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" + end(), // not our line
                "--" + B, // ends right after a delimiter
                "--" + B + "\r\nContent-Disposition: form-data; name=\"a\"\r\n", // ends in the headers
                "--" + B + "\r\nContent-Type: text/plain\r\n\r\nx\r\n" + end(), // no Content-Disposition
                "--" + B + "\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n" + end(), // no name
                "--" + B + "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n" + end(),
                "--" + B + "\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n" + end(), // unterminated
                "--" + B + "\r\nContent-Disposition: form-data; name=\"a\"x\r\n\r\nx\r\n" + end(),
                "--" + B + "\r\nContent-Disposition: form-data; name\r\n\r\nx\r\n" + end(),
                "--" + B + "\r\nContent-Disposition: form-data; name=\r\n\r\nx\r\n" + end(),
                "--" + B + "\r\nno colon here\r\n\r\nx\r\n" + end(),
                "--" + B + "\r\n folded: header\r\n\r\nx\r\n" + end());
        for (String body : bodies) {
            assertThat(status(() -> parse(body))).as(body).isEqualTo(400);
        }
    }

    @Test
    void headersOrAFieldThatAreNotUtf8Are400() throws Exception {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(("--" + B + "\r\nContent-Disposition: form-data; name=\"").getBytes(StandardCharsets.US_ASCII));
        header.write(0xff);
        header.writeBytes(("\"\r\n\r\nx\r\n" + end()).getBytes(StandardCharsets.US_ASCII));
        assertThat(status(() -> parse(header.toByteArray(), limits()))).isEqualTo(400);

        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes(("--" + B + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        value.write(0xc3);
        value.writeBytes(("\r\n" + end()).getBytes(StandardCharsets.US_ASCII));
        assertThat(status(() -> parse(value.toByteArray(), limits()))).isEqualTo(400);
    }

    @Test
    void partCountLimit() throws Exception {
        FormLimits two = new FormLimits(1000, 2, 8192, 1024, 1024, 64, dir);
        assertThat(parse((field("a", "1") + field("b", "2") + end()).getBytes(StandardCharsets.UTF_8), two).fields())
                .hasSize(2);
        assertThat(status(() -> parse((field("a", "1") + field("b", "2") + field("c", "3") + end())
                .getBytes(StandardCharsets.UTF_8), two))).isEqualTo(413);
    }

    @Test
    void partHeaderLimit() throws Exception {
        String header = "--" + B + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"; // 2 lines + empty
        int size = header.length() - B.length() - 4; // the delimiter line is not the part's header section
        FormLimits exact = new FormLimits(1000, 10, size, 1024, 1024, 64, dir);
        FormLimits oneLess = new FormLimits(1000, 10, size - 1, 1024, 1024, 64, dir);
        byte[] body = (header + "x\r\n" + end()).getBytes(StandardCharsets.UTF_8);
        assertThat(parse(body, exact).field("a")).isEqualTo("x");
        assertThat(status(() -> parse(body, oneLess))).isEqualTo(413);
        byte[] longLine = ("--" + B + "\r\nX-Long: " + "y".repeat(40_000) + "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(status(() -> parse(longLine, limits()))).isEqualTo(413);
    }

    @Test
    void fieldSizeLimit() throws Exception {
        FormLimits ten = new FormLimits(1000, 10, 8192, 10, 1024, 64, dir);
        assertThat(parse((field("a", "0123456789") + end()).getBytes(StandardCharsets.UTF_8), ten).field("a"))
                .hasSize(10);
        assertThat(status(() -> parse((field("a", "0123456789x") + end()).getBytes(StandardCharsets.UTF_8), ten)))
                .isEqualTo(413);
    }

    @Test
    void fileSizeLimitAlsoOnDisk() throws Exception {
        FormLimits limit = new FormLimits(1000, 10, 8192, 10, 100, 16, dir);
        String file = "--" + B + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n\r\n";
        byte[] hundred = (file + "x".repeat(100) + "\r\n" + end()).getBytes(StandardCharsets.UTF_8);
        assertThat(parse(hundred, limit).file("f").size()).isEqualTo(100);
        byte[] more = (file + "x".repeat(101) + "\r\n" + end()).getBytes(StandardCharsets.UTF_8);
        assertThat(status(() -> parse(more, limit))).isEqualTo(413);
        temp.deleteAll();
        try (var left = Files.list(dir)) {
            assertThat(left).as("the partial upload is deleted with the request").isEmpty();
        }
    }

    @Test
    void theThresholdIsInclusive() throws Exception {
        String file = "--" + B + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n\r\n";
        byte[] content = new byte[64];
        Arrays.fill(content, (byte) 'z');
        FormData at = parse(file + new String(content, StandardCharsets.US_ASCII) + "\r\n" + end());
        assertThat(at.file("f").path()).isEmpty();
        FormData over = parse(file + new String(content, StandardCharsets.US_ASCII) + "z\r\n" + end());
        assertThat(over.file("f").path()).isPresent();
    }

    @FunctionalInterface
    interface ThrowingCall {
        void call() throws Exception;
    }
}
