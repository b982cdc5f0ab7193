package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.picogate.http.HttpException;

class FileResponderTest {

    private static final String TEXT = "0123456789abcdefghijklmnopqrstuvwxyz"; // 36 bytes
    private static final long MTIME = 1_700_000_000L; // Tue, 14 Nov 2023 22:13:20 GMT
    private static final String LAST_MODIFIED = "Tue, 14 Nov 2023 22:13:20 GMT";

    @TempDir
    Path dir;
    Path file;
    final FileResponder responder = new FileResponder(true);

    @BeforeEach
    void file() throws IOException {
        file = dir.resolve("page.txt");
        Files.writeString(file, TEXT);
        Files.setLastModifiedTime(file, FileTime.from(MTIME, TimeUnit.SECONDS));
    }

    private FakeFileReply send(FakeFileReply reply) throws IOException {
        responder.respond(reply, file);
        return reply;
    }

    private FakeFileReply get(String... headers) throws IOException {
        return send(FakeFileReply.get(headers));
    }

    private String etag() throws IOException {
        return get().headers.get("ETag");
    }

    private Path gz(byte[] content, long mtime) throws IOException {
        Path gz = dir.resolve("page.txt.gz");
        Files.write(gz, content);
        Files.setLastModifiedTime(gz, FileTime.from(mtime, TimeUnit.SECONDS));
        return gz;
    }

    @Test
    void getSendsTheFileWithValidators() throws IOException {
        FakeFileReply r = get();
        assertThat(r.status).isEqualTo(200);
        assertThat(r.headLength).isEqualTo(36);
        assertThat(r.bodyText()).isEqualTo(TEXT);
        assertThat(r.fileBodyCalls).isEqualTo(1); // uncached: from the channel (transferFrom)
        assertThat(r.headers).containsEntry("Content-Type", "text/plain; charset=utf-8")
                .containsEntry("Last-Modified", LAST_MODIFIED).containsEntry("Accept-Ranges", "bytes")
                .doesNotContainKeys("Vary", "Content-Encoding");
        assertThat(r.headers.get("ETag")).isEqualTo("\"24-" + Long.toHexString(MTIME * 1_000_000) + "\"");
    }

    @Test
    void etagChangesWithSizeOrMtime() throws IOException {
        String before = etag();
        Files.setLastModifiedTime(file, FileTime.from(MTIME * 1000 + 1, TimeUnit.MILLISECONDS));
        String touched = etag();
        Files.writeString(file, TEXT + "!");
        Files.setLastModifiedTime(file, FileTime.from(MTIME, TimeUnit.SECONDS));
        assertThat(before).isNotEqualTo(touched).isNotEqualTo(etag());
        assertThat(before).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
    }

    @Test
    void lastModifiedIsNeverInTheFuture() throws IOException {
        long now = System.currentTimeMillis() / 1000;
        Files.setLastModifiedTime(file, FileTime.from(now + 86_400, TimeUnit.SECONDS));
        FakeFileReply r = get();
        long lastModified = HttpDates.parse(r.headers.get("Last-Modified"));
        assertThat(lastModified).isBetween(now, now + 5);
        assertThat(r.headers.get("ETag")).contains(Long.toHexString((now + 86_400) * 1_000_000));
    }

    @Test
    void headHasTheSameHeadersAndNoBody() throws IOException {
        FakeFileReply get = get();
        FakeFileReply head = send(new FakeFileReply("HEAD"));
        assertThat(head.headers).isEqualTo(get.headers);
        assertThat(head.headLength).isEqualTo(36);
        assertThat(head.fileBodyCalls + head.bytesBodyCalls).isZero();
    }

    @Test
    void aContentTypeSetByTheHandlerIsKept() throws IOException {
        FakeFileReply r = FakeFileReply.get();
        r.header("Content-Type", "application/x-custom");
        send(r);
        assertThat(r.headers).containsEntry("Content-Type", "application/x-custom");
    }

    @Test
    void missingOrNonRegularFileIs404() {
        assertThatThrownBy(() -> responder.respond(FakeFileReply.get(), dir.resolve("none")))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> responder.respond(FakeFileReply.get(), dir))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    // --- If-None-Match / If-Modified-Since

    @Test
    void ifNoneMatchWithTheTagIs304WithoutBodyOrLength() throws IOException {
        String etag = etag();
        FakeFileReply r = get("If-None-Match", etag);
        assertThat(r.status).isEqualTo(304);
        assertThat(r.headLength).isEqualTo(-1);
        assertThat(r.headers).containsEntry("ETag", etag).doesNotContainKeys("Content-Length", "Last-Modified");
        assertThat(r.body.size()).isZero();
    }

    @Test
    void ifNoneMatchListStarAndWeakComparison() throws IOException {
        String etag = etag();
        assertThat(get("If-None-Match", "\"other\", " + etag).status).isEqualTo(304);
        assertThat(get("If-None-Match", "\"a,b\",W/" + etag + " ,\"c\"").status).isEqualTo(304);
        assertThat(get("If-None-Match", "W/" + etag).status).isEqualTo(304); // weak comparison
        assertThat(get("If-None-Match", "*").status).isEqualTo(304);
        assertThat(get("If-None-Match", "\"other\"").status).isEqualTo(200);
        assertThat(get("If-None-Match", etag.substring(1, etag.length() - 1)).status).isEqualTo(200); // no quotes
        assertThat(send(new FakeFileReply("HEAD", "If-None-Match", etag)).status).isEqualTo(304);
    }

    @Test
    void ifModifiedSinceNotEarlierIs304() throws IOException {
        assertThat(get("If-Modified-Since", LAST_MODIFIED).status).isEqualTo(304);
        assertThat(get("If-Modified-Since", HttpDates.format(MTIME + 3600)).status).isEqualTo(304);
        assertThat(get("If-Modified-Since", HttpDates.format(MTIME - 1)).status).isEqualTo(200);
        assertThat(get("If-Modified-Since", "Tuesday, 14-Nov-23 22:13:20 GMT").status).isEqualTo(304);
        assertThat(get("If-Modified-Since", "not a date").status).isEqualTo(200);
    }

    @Test
    void ifModifiedSinceIsIgnoredWhenIfNoneMatchIsPresent() throws IOException {
        assertThat(get("If-None-Match", "\"other\"", "If-Modified-Since", LAST_MODIFIED).status).isEqualTo(200);
    }

    @Test
    void conditionalsDoNotApplyToOtherMethodsOrAnotherStatus() throws IOException {
        String etag = etag();
        FakeFileReply post = send(new FakeFileReply("POST", "If-None-Match", etag, "Range", "bytes=0-1"));
        assertThat(post.status).isEqualTo(200);
        assertThat(post.bodyText()).isEqualTo(TEXT);
        FakeFileReply notFoundPage = FakeFileReply.get("If-None-Match", etag, "Range", "bytes=0-1");
        notFoundPage.status(404);
        send(notFoundPage);
        assertThat(notFoundPage.status).isEqualTo(404);
        assertThat(notFoundPage.bodyText()).isEqualTo(TEXT);
        assertThat(notFoundPage.headers).doesNotContainKeys("ETag", "Accept-Ranges", "Last-Modified");
    }

    // --- If-Match / If-Unmodified-Since

    @Test
    void ifMatchUsesStrongComparison() throws IOException {
        String etag = etag();
        assertThat(get("If-Match", etag).status).isEqualTo(200);
        assertThat(get("If-Match", "*").status).isEqualTo(200);
        assertThat(get("If-Match", "\"x\", " + etag).status).isEqualTo(200);
        FakeFileReply failed = get("If-Match", "W/" + etag);
        assertThat(failed.status).isEqualTo(412);
        assertThat(failed.headLength).isZero();
        assertThat(get("If-Match", "\"x\"").status).isEqualTo(412);
    }

    @Test
    void ifUnmodifiedSince() throws IOException {
        assertThat(get("If-Unmodified-Since", HttpDates.format(MTIME - 1)).status).isEqualTo(412);
        assertThat(get("If-Unmodified-Since", LAST_MODIFIED).status).isEqualTo(200);
        assertThat(get("If-Match", "*", "If-Unmodified-Since", HttpDates.format(MTIME - 1)).status)
                .isEqualTo(200); // ignored when If-Match is present
    }

    // --- Range

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bytes=0-9|0|9",
        "bytes=10-|10|35",
        "bytes=-5|31|35",
        "bytes=-100|0|35",
        "bytes=30-1000|30|35",
        "bytes=35-35|35|35",
        "Bytes=1-2|1|2",
        "bytes= 3-4 |3|4",
        "bytes=3-4,|3|4",
        "bytes=0-99999999999999999999999|0|35",
    })
    void singleRangeIs206(String range, long first, long last) throws IOException {
        FakeFileReply r = get("Range", range);
        assertThat(r.status).isEqualTo(206);
        assertThat(r.headers).containsEntry("Content-Range", "bytes " + first + "-" + last + "/36");
        assertThat(r.headLength).isEqualTo(last - first + 1);
        assertThat(r.bodyText()).isEqualTo(TEXT.substring((int) first, (int) last + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=36-", "bytes=36-40", "bytes=-0", "bytes=99999999999999999999-"})
    void unsatisfiableRangeIs416(String range) throws IOException {
        FakeFileReply r = get("Range", range);
        assertThat(r.status).isEqualTo(416);
        assertThat(r.headers).containsEntry("Content-Range", "bytes */36");
        assertThat(r.headLength).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,3-4", "bytes=0-1, -2", "bytes=5-1", "bytes=a-b", "bytes=", "bytes=-",
        "items=0-1", "bytes 0-1", "bytes=1", "bytes=--1", "bytes=0x1-2"})
    void severalOrMalformedRangesServeTheWholeFile(String range) throws IOException {
        FakeFileReply r = get("Range", range);
        assertThat(r.status).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo(TEXT);
        assertThat(r.headers).doesNotContainKey("Content-Range");
    }

    @Test
    void emptyFileHasNoSatisfiableRange() throws IOException {
        Files.write(file, new byte[0]);
        assertThat(get("Range", "bytes=0-").status).isEqualTo(416);
        assertThat(get("Range", "bytes=-1").status).isEqualTo(416);
        FakeFileReply whole = get();
        assertThat(whole.status).isEqualTo(200);
        assertThat(whole.headLength).isZero();
    }

    @Test
    void headIgnoresRange() throws IOException {
        FakeFileReply r = send(new FakeFileReply("HEAD", "Range", "bytes=0-1"));
        assertThat(r.status).isEqualTo(200);
        assertThat(r.headLength).isEqualTo(36);
    }

    @Test
    void ifRangeGuardsTheRange() throws IOException {
        String etag = etag();
        assertThat(get("Range", "bytes=0-1", "If-Range", etag).status).isEqualTo(206);
        assertThat(get("Range", "bytes=0-1", "If-Range", "\"old\"").status).isEqualTo(200);
        assertThat(get("Range", "bytes=0-1", "If-Range", "W/" + etag).status).isEqualTo(200);
        assertThat(get("Range", "bytes=0-1", "If-Range", LAST_MODIFIED).status).isEqualTo(206);
        assertThat(get("Range", "bytes=0-1", "If-Range", HttpDates.format(MTIME + 1)).status).isEqualTo(200);
        assertThat(get("Range", "bytes=0-1", "If-Range", "garbage").status).isEqualTo(200);
        assertThat(get("Range", "bytes=99-", "If-Range", "\"old\"").status).isEqualTo(200);
    }

    @Test
    void conditionalBeatsRange() throws IOException {
        assertThat(get("Range", "bytes=0-1", "If-None-Match", etag()).status).isEqualTo(304);
    }

    // --- pre-compressed

    @Test
    void gzipVariantForClientsThatAcceptIt() throws IOException {
        byte[] compressed = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};
        gz(compressed, MTIME + 5);
        FakeFileReply r = get("Accept-Encoding", "gzip, deflate, br");
        assertThat(r.status).isEqualTo(200);
        assertThat(r.bodyBytes()).isEqualTo(compressed);
        assertThat(r.headLength).isEqualTo(compressed.length);
        assertThat(r.headers).containsEntry("Content-Encoding", "gzip").containsEntry("Vary", "Accept-Encoding")
                .containsEntry("Content-Type", "text/plain; charset=utf-8")
                .containsEntry("Last-Modified", HttpDates.format(MTIME + 5));
        assertThat(r.headers.get("ETag")).endsWith("-gz\"").isNotEqualTo(get().headers.get("ETag"));
    }

    @Test
    void identityForOthersButAlwaysVary() throws IOException {
        gz(new byte[] {1, 2, 3}, MTIME);
        for (String ae : new String[] {null, "gzip;q=0", "deflate, br", "*;q=0", "gzip;q=0, *", "identity",
            "gzip;q=0.000", "gzip;q=2", "gzip;q=abc"}) {
            FakeFileReply r = ae == null ? get() : get("Accept-Encoding", ae);
            assertThat(r.bodyText()).as(ae).isEqualTo(TEXT);
            assertThat(r.headers).as(ae).containsEntry("Vary", "Accept-Encoding").doesNotContainKey("Content-Encoding");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "GZIP", "x-gzip", "*", "br;q=1, gzip;q=0.5", "gzip ; q=0.001", "deflate, *;q=0.1",
        "gzip;q=1.000", "identity;q=1,gzip;level=9"})
    void acceptEncodingAllowingGzip(String ae) {
        assertThat(FileResponder.acceptsGzip(ae)).isTrue();
    }

    @Test
    void rangeAndConditionalsApplyToTheGzipBytes() throws IOException {
        gz(new byte[] {10, 11, 12, 13, 14}, MTIME);
        FakeFileReply r = get("Accept-Encoding", "gzip", "Range", "bytes=1-2");
        assertThat(r.status).isEqualTo(206);
        assertThat(r.headers).containsEntry("Content-Range", "bytes 1-2/5");
        assertThat(r.bodyBytes()).containsExactly(11, 12);
        String gzTag = r.headers.get("ETag");
        FakeFileReply notModified = get("Accept-Encoding", "gzip", "If-None-Match", gzTag);
        assertThat(notModified.status).isEqualTo(304);
        assertThat(notModified.headers).containsEntry("Vary", "Accept-Encoding");
        assertThat(get("If-None-Match", gzTag).status).isEqualTo(200); // identity has another tag
    }

    @Test
    void olderGzipIsIgnored() throws IOException {
        gz(new byte[] {1, 2, 3}, MTIME - 10);
        FakeFileReply r = get("Accept-Encoding", "gzip");
        assertThat(r.bodyText()).isEqualTo(TEXT);
        assertThat(r.headers).doesNotContainKeys("Vary", "Content-Encoding");
    }

    @Test
    void symlinkedGzipIsIgnored() throws IOException {
        Path real = dir.resolve("elsewhere.gz");
        Files.write(real, new byte[] {1, 2, 3});
        Files.createSymbolicLink(dir.resolve("page.txt.gz"), real);
        FakeFileReply r = get("Accept-Encoding", "gzip");
        assertThat(r.bodyText()).isEqualTo(TEXT);
        assertThat(r.headers).doesNotContainKey("Content-Encoding");
    }

    @Test
    void gzipOffMeansNoVariant() throws IOException {
        gz(new byte[] {1, 2, 3}, MTIME);
        FakeFileReply r = FakeFileReply.get("Accept-Encoding", "gzip");
        new FileResponder(false).respond(r, file);
        assertThat(r.bodyText()).isEqualTo(TEXT);
        assertThat(r.headers).doesNotContainKeys("Vary", "Content-Encoding");
    }

    @Test
    void aGzFileRequestedDirectlyIsPlainBytes() throws IOException {
        Path gz = gz(new byte[] {1, 2, 3}, MTIME);
        FakeFileReply r = FakeFileReply.get("Accept-Encoding", "gzip");
        responder.respond(r, gz);
        assertThat(r.bodyBytes()).containsExactly(1, 2, 3);
        assertThat(r.headers).containsEntry("Content-Type", "application/octet-stream")
                .doesNotContainKeys("Content-Encoding", "Vary");
    }

    // --- cached entries

    @Test
    void cachedEntryIsSentFromMemoryWithTheSameHeaders() throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        FileEntry entry = FileEntry.load(file, attrs, true, 1024, null, null, 0);
        FakeFileReply r = FakeFileReply.get();
        responder.respond(r, entry);
        assertThat(r.bytesBodyCalls).isEqualTo(1);
        assertThat(r.fileBodyCalls).isZero();
        assertThat(r.bodyText()).isEqualTo(TEXT);
        assertThat(r.headers).isEqualTo(get().headers);
        FakeFileReply range = FakeFileReply.get("Range", "bytes=-3");
        responder.respond(range, entry);
        assertThat(range.body.toString(StandardCharsets.US_ASCII)).isEqualTo("xyz");
        // the header values are computed once per entry
        FakeFileReply again = FakeFileReply.get();
        responder.respond(again, entry);
        assertThat(again.headers.get("ETag")).isSameAs(r.headers.get("ETag"));
        assertThat(again.headers.get("Last-Modified")).isSameAs(r.headers.get("Last-Modified"));
    }

    // --- the small parsers

    @Test
    void etagListParsing() {
        assertThat(FileResponder.etagListMatches("\"a\"", "\"a\"", false)).isTrue();
        assertThat(FileResponder.etagListMatches(" \"b\" ,\t\"a\"", "\"a\"", false)).isTrue();
        assertThat(FileResponder.etagListMatches("W/\"a\"", "\"a\"", false)).isFalse();
        assertThat(FileResponder.etagListMatches("W/\"a\"", "\"a\"", true)).isTrue();
        assertThat(FileResponder.etagListMatches("\"ab\"", "\"a\"", true)).isFalse();
        assertThat(FileResponder.etagListMatches("\"a", "\"a\"", true)).isFalse();
        assertThat(FileResponder.etagListMatches("x, \"a\"", "\"a\"", true)).isFalse(); // malformed
        assertThat(FileResponder.etagListMatches("*, \"b\"", "\"a\"", true)).isFalse();
        assertThat(FileResponder.etagListMatches(" * ", "\"a\"", true)).isTrue();
        assertThat(FileResponder.etagListMatches("", "\"a\"", true)).isFalse();
    }
}
