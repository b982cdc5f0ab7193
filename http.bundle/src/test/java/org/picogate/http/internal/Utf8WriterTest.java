package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Utf8WriterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Utf8Writer writer = new Utf8Writer(bytes);

    @Test
    void writesUtf8FromStringsCharsAndSingleChars() throws IOException {
        writer.write("été ");
        writer.write(new char[] { 'x', '€', 'y' }, 1, 1);
        writer.write('!');
        writer.append("abc", 1, 2);
        writer.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("été €!b");
    }

    @Test
    void aSurrogatePairSplitAcrossTwoWritesIsJoined() throws IOException {
        String clef = "\uD834\uDD1E"; // U+1D11E, four bytes in UTF-8
        writer.write(clef.substring(0, 1));
        assertThat(bytes.size()).as("the high half waits").isZero();
        writer.write(clef.substring(1) + "z");
        writer.close();
        assertThat(bytes.toByteArray()).isEqualTo((clef + "z").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMark() throws IOException {
        writer.write("a\uD834");
        writer.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("a?");
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        Utf8Writer lowFirst = new Utf8Writer(other);
        lowFirst.write("\uDD1Eb");
        lowFirst.close();
        assertThat(other.toString(StandardCharsets.UTF_8)).isEqualTo("?b");
    }
}
