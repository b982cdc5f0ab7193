package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.picogate.http.HttpException;

class ChunkedBodyStreamTest extends PipeFixture {

    private static final String NEXT = "GET /next HTTP/1.1\r\nHost: a\r\n\r\n";

    private ChunkedBodyStream body(String raw) throws IOException {
        return body(raw, 1 << 20);
    }

    private ChunkedBodyStream body(String raw, long maxBody) throws IOException {
        sendAndClose(raw);
        return new ChunkedBodyStream(server, maxBody);
    }

    private int rejected(String raw) throws IOException {
        ChunkedBodyStream body = body(raw);
        return status(body::readAllBytes);
    }

    /** The body decodes to {@code expected} and the stream is then at the next request. */
    private void assertDecodes(String chunked, String expected) throws IOException {
        ChunkedBodyStream body = body(chunked + NEXT);
        assertThat(readAll(body)).isEqualTo(expected);
        assertThat(body.isFinished()).isTrue();
        assertThat(body.read()).isEqualTo(-1);
        assertThat(RequestParser.readHead(server, HttpLimits.DEFAULTS).path()).isEqualTo("/next");
    }

    @Test
    void decodesChunksAndStopsAtTheNextRequest() throws IOException {
        assertDecodes("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", "hello world");
    }

    @Test
    void aZeroLengthBodyIsJustTheLastChunk() throws IOException {
        assertDecodes("0\r\n\r\n", "");
    }

    @ParameterizedTest
    @CsvSource({ "a,0123456789", "A,0123456789", "0A,0123456789", "000000000000000A,0123456789",
        "b,0123456789X", "B,0123456789X" })
    void readsHexSizesInEitherCaseWithLeadingZeros(String size, String data) throws IOException {
        assertDecodes(size + "\r\n" + data + "\r\n0\r\n\r\n", data);
    }

    @Test
    void readsABinaryChunkWithCrLfInside() throws IOException {
        assertDecodes("6\r\n\r\n\r\n\r\n\r\n0\r\n\r\n", "\r\n\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = { "5;a", "5;a=b", "5 ;a=b", "5\t;\ta\t=\tb", "5;a;b=c;d=\"x y\"", "5;a=\"q\\\"uo;te\"",
        "5;a=\"\"", "5;name=!#$%&'*+-.^_`|~", "5;a=\"caf\u00e9\"" })
    void acceptsChunkExtensions(String line) throws IOException {
        assertDecodes(line + "\r\nhello\r\n0;last\r\n\r\n", "hello");
    }

    @ParameterizedTest
    @ValueSource(strings = { "5;", "5;=b", "5;a=", "5;a=\"open", "5 ", "5\t", "5x", "5;a b", "5;a=b c", "5;a=b ",
        "5,a", "5;a=\"x\"y", "5;a=\"\\\u0001\"", "5;a=\"\u0001\"", ";a", "", "-5", "+5", "0x5", " 5", "5\r",
        "5;a\r=b", "5;a=\"\r\"", "5\u0000" })
    void rejectsABadChunkLineWith400(String line) throws IOException {
        assertThat(rejected(line + "\r\nhello\r\n0\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void chunkLineExactlyAtItsLimitIsAccepted() throws IOException {
        String ext = ";a=" + "x".repeat(ChunkedBodyStream.MAX_CHUNK_LINE - "5;a=\r\n".length());
        assertThat(("5" + ext + "\r\n")).hasSize(ChunkedBodyStream.MAX_CHUNK_LINE);
        assertDecodes("5" + ext + "\r\nhello\r\n0\r\n\r\n", "hello");
    }

    @Test
    void chunkLineOneOverItsLimitIs400() throws IOException {
        String ext = ";a=" + "x".repeat(ChunkedBodyStream.MAX_CHUNK_LINE + 1 - "5;a=\r\n".length());
        assertThat(rejected("5" + ext + "\r\nhello\r\n0\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void endlessChunkExtensionIs400() throws IOException {
        assertThat(rejected("5;" + "a".repeat(1 << 16))).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "00000000000000005", "10000000000000000", "ffffffffffffffff", "8000000000000000",
        "FFFFFFFFFFFFFFFFFFFFFFFF" })
    void rejectsAChunkSizeThatOverflowsWith400(String size) throws IOException {
        assertThat(rejected(size + "\r\nhello\r\n0\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void theLargestChunkSizeIs413NotAnOverflow() throws IOException {
        assertThat(rejected("7fffffffffffffff\r\nhello\r\n0\r\n\r\n")).isEqualTo(413);
    }

    @Test
    void bodyExactlyAtMaxBodyIsAccepted() throws IOException {
        ChunkedBodyStream body = body("4\r\nabcd\r\n6\r\nefghij\r\n0\r\n\r\n", 10);
        assertThat(readAll(body)).isEqualTo("abcdefghij");
        assertThat(body.total()).isEqualTo(10);
    }

    @Test
    void bodyOneOverMaxBodyIs413BeforeTheChunkIsRead() throws IOException {
        ChunkedBodyStream body = body("4\r\nabcd\r\n7\r\nefghijk\r\n0\r\n\r\n", 10);
        byte[] buffer = new byte[4];
        assertThat(body.read(buffer)).isEqualTo(4);
        assertThat(status(() -> body.read(buffer))).isEqualTo(413);
        assertThat(server.read(7)).containsExactly(bytes("efghijk"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "5\r\nhelloXY0\r\n\r\n", "5\r\nhello\n0\r\n\r\n", "5\r\nhello\r0\r\n\r\n",
        "5\r\nhello world\r\n0\r\n\r\n", "5\r\nhello0\r\n\r\n" })
    void rejectsChunkDataNotFollowedByCrLfWith400(String raw) throws IOException {
        assertThat(rejected(raw)).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "5\nhello\r\n0\r\n\r\n", "5\r\nhello\r\n0\n\r\n", "5\r\nhello\r\n0\r\n\n",
        "0\r\nX: 1\n\r\n" })
    void rejectsABareLfInTheChunkedFramingWith400(String raw) throws IOException {
        assertThat(rejected(raw)).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "5\r\nhel", "5\r\nhello", "5\r\nhello\r", "5\r\nhello\r\n", "5\r\nhello\r\n0",
        "5\r\nhello\r\n0\r\n", "0\r\nX-T: 1\r\n", "0\r\n\r", "" })
    void inputEndingBeforeTheFinalCrLfIsAnEofException(String raw) throws IOException {
        ChunkedBodyStream body = body(raw);
        assertThatThrownBy(body::readAllBytes).isInstanceOf(EOFException.class);
    }

    @Test
    void trailersAreReadAndDiscarded() throws IOException {
        assertDecodes("3\r\nabc\r\n0\r\nX-Checksum: 1234\r\nExpires: never\r\nEmpty:\r\n\r\n", "abc");
    }

    @ParameterizedTest
    @ValueSource(strings = { " folded: x", "NoColon", "Bad Name: x", "X : y", ": y", "X: a\u0000b",
        "X: a\u0001", "X: a\rb" })
    void rejectsABadTrailerWith400(String trailer) throws IOException {
        assertThat(rejected("0\r\nX-A: 1\r\n" + trailer + "\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void trailerSectionExactlyAtItsLimitIsAccepted() throws IOException {
        sendAndClose("0\r\nA: 12345\r\nB: 123\r\n\r\n" + NEXT); // 10 + 8 bytes
        ChunkedBodyStream body = new ChunkedBodyStream(server, 100, 18, 2);
        assertThat(body.read()).isEqualTo(-1);
        assertThat(RequestParser.readHead(server, HttpLimits.DEFAULTS).path()).isEqualTo("/next");
    }

    @Test
    void trailerSectionOneByteOverItsLimitIs400() throws IOException {
        sendAndClose("0\r\nA: 123456\r\nB: 123\r\n\r\n");
        ChunkedBodyStream body = new ChunkedBodyStream(server, 100, 18, 2);
        assertThat(status(body::read)).isEqualTo(400);
    }

    @Test
    void oneTrailerTooManyIs400() throws IOException {
        sendAndClose("0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n");
        ChunkedBodyStream body = new ChunkedBodyStream(server, 100, 1000, 2);
        assertThat(status(body::read)).isEqualTo(400);
    }

    @Test
    void endlessTrailersAre400() throws IOException {
        assertThat(rejected("0\r\n" + "X: y\r\n".repeat(10_000))).isEqualTo(400);
    }

    @Test
    void anErrorIsThrownAgainOnEveryRead() throws IOException {
        ChunkedBodyStream body = body("zz\r\n");
        HttpException first = (HttpException) org.assertj.core.api.Assertions.catchThrowable(body::read);
        assertThat(first.status()).isEqualTo(400);
        assertThatThrownBy(body::read).isSameAs(first);
        assertThatThrownBy(() -> body.read(new byte[0])).isSameAs(first);
    }

    @Test
    void readsOneByteAtATime() throws IOException {
        ChunkedBodyStream body = body("2\r\nab\r\n1\r\nc\r\n0\r\n\r\n");
        assertThat(body.read()).isEqualTo('a');
        assertThat(body.read()).isEqualTo('b');
        assertThat(body.isFinished()).isFalse();
        assertThat(body.read()).isEqualTo('c');
        assertThat(body.read()).isEqualTo(-1);
        assertThat(body.isFinished()).isTrue();
    }

    @Test
    void readsNoMoreThanTheChunkIntoASmallBufferAndNeverPastIt() throws IOException {
        ChunkedBodyStream body = body("5\r\nhello\r\n0\r\n\r\nGET");
        byte[] buffer = new byte[100];
        assertThat(body.read(buffer, 10, 100 - 10)).isEqualTo(5);
        assertThat(new String(buffer, 10, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("hello");
        assertThat(body.read(buffer, 0, 100)).isEqualTo(-1);
        assertThat(server.read(10)).containsExactly(bytes("GET"));
    }

    @Test
    void aZeroLengthReadDoesNotConsumeTheBody() throws IOException {
        ChunkedBodyStream body = body("3\r\nabc\r\n0\r\n\r\n");
        assertThat(body.read(new byte[1], 0, 0)).isZero();
        assertThat(readAll(body)).isEqualTo("abc");
    }

    @Test
    void closeNeitherClosesNorDrainsTheConnection() throws IOException {
        ChunkedBodyStream body = body("3\r\nabc\r\n0\r\n\r\n");
        body.close();
        assertThat(readAll(body)).isEqualTo("abc");
    }

    @Test
    void transferToCopiesTheWholeBody() throws IOException {
        InputStream body = body("1\r\na\r\n2\r\nbc\r\n0\r\n\r\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertThat(body.transferTo(out)).isEqualTo(3);
        assertThat(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("abc");
    }

    @Test
    void aLargeBodyInManyChunksSurvivesSmallReads() throws IOException {
        StringBuilder raw = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            String data = String.valueOf((char) ('a' + i % 26)).repeat(i);
            raw.append(Integer.toHexString(i)).append("\r\n").append(data).append("\r\n");
            expected.append(data);
        }
        raw.append("0\r\n\r\n");
        ChunkedBodyStream body = body(raw.toString());
        StringBuilder got = new StringBuilder();
        byte[] buffer = new byte[7];
        for (int n; (n = body.read(buffer)) >= 0;) {
            got.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        assertThat(got.toString()).isEqualTo(expected.toString());
        assertThat(body.total()).isEqualTo(expected.length());
    }
}
