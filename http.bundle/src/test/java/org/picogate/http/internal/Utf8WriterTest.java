package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * {@code Response.writer()}: UTF-8 encoded into the body's buffer ({@link BodyOutput#writeText}), sent with its
 * length once it ends, in order with bytes written to {@code output()}; over a pipe.
 */
class Utf8WriterTest extends PipeFixture {

    /** A head that names the framing it was built for, so the tests see which one the body chose. */
    private static final BodyOutput.Head HEAD = new BodyOutput.Head() {
        @Override
        public byte[] withLength(long length) {
            return ("length " + length + "\n").getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public byte[] streamed(BodyOutput.Framing streamed) {
            return (streamed + "\n").getBytes(StandardCharsets.US_ASCII);
        }
    };

    private BodyOutput body(boolean discard) {
        return BodyOutput.deferred(server, BodyOutput.Framing.UNTIL_CLOSE, HEAD, discard, () -> { });
    }

    /** Everything the server sent, as UTF-8. */
    private String sent() throws IOException {
        server.shutdownOutput();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part = client.read(8192); part.length > 0; part = client.read(8192)) {
            all.write(part);
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesUtf8FromStringsCharsAndSingleChars() throws IOException {
        Utf8Writer writer = new Utf8Writer(body(false));
        writer.write("été ");
        writer.write(new char[] { 'x', '€', 'y' }, 1, 1);
        writer.write('!');
        writer.append("abc", 1, 2);
        writer.write("\uD834\uDD1E"); // U+1D11E, four bytes
        writer.close();
        String expected = "été €!b\uD834\uDD1E";
        assertThat(sent()).isEqualTo("length " + expected.getBytes(StandardCharsets.UTF_8).length + "\n" + expected);
    }

    @Test
    void aSurrogatePairSplitAcrossTwoWritesIsJoined() throws IOException {
        Utf8Writer writer = new Utf8Writer(body(false));
        String clef = "\uD834\uDD1E";
        writer.write("a" + clef.substring(0, 1));
        writer.write(clef.substring(1) + "z");
        writer.close();
        assertThat(sent()).isEqualTo("length 6\na" + clef + "z");
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMark() throws IOException {
        Utf8Writer writer = new Utf8Writer(body(false));
        writer.write("a\uD834"); // the high half waits for a low one, but the body ends
        writer.write("");
        writer.close();
        assertThat(sent()).isEqualTo("length 2\na?");
    }

    @Test
    void aLowSurrogateFirstOrAHighOneBeforeAnotherCharIsAQuestionMark() throws IOException {
        Utf8Writer writer = new Utf8Writer(body(false));
        writer.write("\uDD1Eb\uD834c\uD834");
        writer.write("d");
        writer.close();
        assertThat(sent()).isEqualTo("length 6\n?b?c?d");
    }

    @Test
    void textAndBytesWrittenInTurnStayInOrder() throws IOException {
        BodyOutput body = body(false);
        Utf8Writer writer = new Utf8Writer(body);
        writer.write("<p>");
        body.write("é".getBytes(StandardCharsets.UTF_8));
        writer.write("x\uD834"); // a lone high surrogate before bytes: its ? goes before them
        body.write('>');
        writer.close();
        assertThat(sent()).isEqualTo("length 8\n<p>éx?>");
    }

    @Test
    void textLongerThanTheBufferIsStreamedWhole() throws IOException {
        Utf8Writer writer = new Utf8Writer(body(false));
        String line = "0123456789é€\uD834\uDD1E\n"; // 1 + 2 + 3 + 4 byte chars, so sequences meet every buffer end
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append(line);
        }
        writer.write(text.toString());
        writer.close();
        assertThat(sent()).isEqualTo("UNTIL_CLOSE\n" + text);
    }

    @Test
    void aHeadRequestCountsTheTextButSendsNone() throws IOException {
        Utf8Writer writer = new Utf8Writer(body(true));
        writer.write("été");
        writer.close();
        assertThat(sent()).isEqualTo("length 5\n");
    }

    @Test
    void textBeyondADeclaredLengthFailsAndIsNotSent() throws IOException {
        BodyOutput body = new BodyOutput(server, BodyOutput.Framing.LENGTH, 3, false, () -> { });
        Utf8Writer writer = new Utf8Writer(body);
        writer.write("ab");
        assertThatThrownBy(() -> writer.write("cd")).isInstanceOf(IOException.class)
                .hasMessageContaining("Content-Length of 3");
        writer.write("c");
        writer.close();
        assertThat(sent()).isEqualTo("abc");
    }

    @Test
    void nothingCanBeWrittenAfterTheEnd() throws IOException {
        BodyOutput body = body(false);
        Utf8Writer writer = new Utf8Writer(body);
        writer.close();
        assertThatThrownBy(() -> writer.write("late")).isInstanceOf(IOException.class).hasMessageContaining("closed");
        OutputStream bytes = body;
        assertThatThrownBy(() -> bytes.write(1)).isInstanceOf(IOException.class);
    }
}
