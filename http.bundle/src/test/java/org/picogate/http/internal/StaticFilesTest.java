package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picogate.http.HttpException;
import org.picogate.http.internal.StaticFiles.Found;
import org.picogate.http.internal.StaticFiles.NotFound;
import org.picogate.http.internal.StaticFiles.Redirect;
import org.picogate.http.internal.StaticFiles.Resolution;

class StaticFilesTest {

    @TempDir
    Path tmp;
    Path root;
    Path outside;
    StaticFiles statics;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(tmp.resolve("www"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(tmp.resolve("www-secret.txt"), "sibling secret");
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(root.resolve("a.txt"), "hello");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/index.html"), "sub index");
        Files.writeString(root.resolve("sub/b.css"), "b{}");
        Files.createDirectories(root.resolve("nodir"));
        Files.writeString(root.resolve(".env"), "PASSWORD=x");
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "[core]");
        Files.createDirectories(root.resolve(".well-known/acme-challenge"));
        Files.writeString(root.resolve(".well-known/acme-challenge/token"), "token");
        Files.createDirectories(root.resolve("my dir"));
        Files.writeString(root.resolve("my dir/index.html"), "spaced");
        Files.createDirectories(root.resolve("evil.com"));
        Files.createSymbolicLink(root.resolve("link-in.txt"), root.resolve("a.txt"));
        Files.createSymbolicLink(root.resolve("rel-link.txt"), Path.of("sub/b.css"));
        Files.createSymbolicLink(root.resolve("link-out.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("rel-out.txt"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(root.resolve("dir-out"), outside);
        Files.createSymbolicLink(root.resolve("dir-in"), root.resolve("sub"));
        Files.createDirectories(root.resolve("index-out"));
        Files.createSymbolicLink(root.resolve("index-out/index.html"), outside.resolve("secret.txt"));
        statics = new StaticFiles("/static", root);
    }

    private Resolution resolve(String path) {
        return statics.resolve(path, null);
    }

    private Path found(String path) {
        Resolution r = resolve(path);
        assertThat(r).as(path).isInstanceOf(Found.class);
        return ((Found) r).file();
    }

    private void assertNotFound(String path) {
        assertThat(resolve(path)).as(path).isInstanceOf(NotFound.class);
    }

    @Test
    void filesUnderThePrefix() throws IOException {
        assertThat(found("/static/a.txt")).isEqualTo(root.toRealPath().resolve("a.txt"));
        assertThat(found("/static/sub/b.css")).isEqualTo(root.toRealPath().resolve("sub/b.css"));
        assertThat(new StaticFiles("/static/", root).resolve("/static/a.txt", null)).isInstanceOf(Found.class);
        assertThat(new StaticFiles("/", root).resolve("/a.txt", null)).isInstanceOf(Found.class);
    }

    @Test
    void pathsOutsideThePrefixAreNotMine() {
        assertNotFound("/a.txt");
        assertNotFound("/staticx/a.txt");
        assertNotFound("static/a.txt");
    }

    @Test
    void missingFilesAndFilesWithTrailingSlash() {
        assertNotFound("/static/nope.txt");
        assertNotFound("/static/a.txt/");
        assertNotFound("/static/a.txt/x");
    }

    @Test
    void directoryGetsItsIndex() throws IOException {
        assertThat(found("/static/")).isEqualTo(root.toRealPath().resolve("index.html"));
        assertThat(found("/static/sub/")).isEqualTo(root.toRealPath().resolve("sub/index.html"));
        assertNotFound("/static/nodir/"); // no listing
    }

    @Test
    void directoryWithoutSlashRedirects() {
        assertThat(resolve("/static/sub")).isEqualTo(new Redirect("/static/sub/"));
        assertThat(statics.resolve("/static/sub", "x=1&y")).isEqualTo(new Redirect("/static/sub/?x=1&y"));
        assertThat(resolve("/static")).isEqualTo(new Redirect("/static/"));
        assertThat(statics.resolve("/static", "q")).isEqualTo(new Redirect("/static/?q"));
        assertThat(resolve("/static/nodir")).isEqualTo(new Redirect("/static/nodir/"));
    }

    @Test
    void redirectLocationIsReencodedAndNeverProtocolRelative() {
        assertThat(resolve("/static/my dir")).isEqualTo(new Redirect("/static/my%20dir/"));
        assertThat(resolve("/static//evil.com")).isEqualTo(new Redirect("/static/evil.com/"));
        StaticFiles atRoot = new StaticFiles("/", root);
        assertThat(atRoot.resolve("//evil.com", null)).isEqualTo(new Redirect("/evil.com/"));
        assertThat(atRoot.resolve("///evil.com", null)).isEqualTo(new Redirect("/evil.com/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/static/../outside/secret.txt",
        "/static/../www-secret.txt",
        "/static/sub/../../outside/secret.txt",
        "/static/sub/../a.txt", // .. is refused even when it would stay inside
        "/static/./a.txt",
        "/static/..",
        "/static/sub/..",
        "/static/.",
        "/static/..\\outside\\secret.txt",
        "/static/sub\\..\\a.txt",
        "/static/a.txt\u0000.png",
        "/static/a.txt\n",
        "/static/a\u007f.txt",
    })
    void traversalAndOddCharactersAreNotFound(String path) {
        assertNotFound(path);
    }

    @Test
    void encodedDotsAreRefusedOnceDecodedAndNeverDecodedAgain() throws IOException {
        // the parser decodes %2e%2e to ..: refused like a raw ..
        assertNotFound("/static/../outside/secret.txt");
        // a still-encoded form is a literal name: no second decoding, so it cannot climb
        assertNotFound("/static/%2e%2e/outside/secret.txt");
        assertNotFound("/static/%2E%2E/www-secret.txt");
        assertNotFound("/static/..%2fwww-secret.txt");
        assertNotFound("/static/%252e%252e/outside/secret.txt");
        Files.createDirectories(root.resolve("%2e%2e"));
        Files.writeString(root.resolve("%2e%2e/x.txt"), "literal");
        assertThat(found("/static/%2e%2e/x.txt")).isEqualTo(root.toRealPath().resolve("%2e%2e/x.txt"));
    }

    @Test
    void absolutePathsCannotEscape() {
        assertNotFound("/static/" + outside.resolve("secret.txt"));
        assertNotFound("/static//" + outside.resolve("secret.txt"));
        assertNotFound("/static//etc/passwd");
        assertThat(found("/static//a.txt").getFileName().toString()).isEqualTo("a.txt"); // slashes merged
        assertThat(found("/static/sub//b.css").getFileName().toString()).isEqualTo("b.css");
    }

    @Test
    void symlinksInsideTheRootWork() throws IOException {
        assertThat(found("/static/link-in.txt")).isEqualTo(root.toRealPath().resolve("a.txt"));
        assertThat(found("/static/rel-link.txt")).isEqualTo(root.toRealPath().resolve("sub/b.css"));
        assertThat(found("/static/dir-in/b.css")).isEqualTo(root.toRealPath().resolve("sub/b.css"));
    }

    @Test
    void symlinksLeadingOutOfTheRootAreNotFound() {
        assertNotFound("/static/link-out.txt");
        assertNotFound("/static/rel-out.txt");
        assertNotFound("/static/dir-out/secret.txt");
        assertNotFound("/static/dir-out/");
        assertNotFound("/static/dir-out");
        assertNotFound("/static/index-out/"); // an index.html that is a link out
    }

    @Test
    void rootItselfMayBeASymlink() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("www-link"), root);
        StaticFiles viaLink = new StaticFiles("/s", link);
        assertThat(viaLink.resolve("/s/a.txt", null)).isInstanceOf(Found.class);
        assertThat(viaLink.resolve("/s/link-out.txt", null)).isInstanceOf(NotFound.class);
    }

    @Test
    void missingRootIsNotFound() {
        StaticFiles none = new StaticFiles("/s", tmp.resolve("nope"));
        assertThat(none.resolve("/s/a.txt", null)).isInstanceOf(NotFound.class);
        assertThat(none.resolve("/s", null)).isInstanceOf(NotFound.class);
    }

    @Test
    void hiddenFilesAreRefusedByDefaultExceptWellKnown() {
        assertNotFound("/static/.env");
        assertNotFound("/static/.git/config");
        assertNotFound("/static/sub/.hidden");
        assertThat(found("/static/.well-known/acme-challenge/token").getFileName().toString()).isEqualTo("token");
        StaticFiles hidden = new StaticFiles("/static", root, true, new FileResponder(true), null);
        assertThat(hidden.resolve("/static/.env", null)).isInstanceOf(Found.class);
        assertThat(hidden.resolve("/static/../www-secret.txt", null)).isInstanceOf(NotFound.class);
    }

    @Test
    void onlyRegularFilesAreServed() throws Exception {
        Path fifo = root.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (p.waitFor() == 0) {
            assertNotFound("/static/pipe");
        }
    }

    @Test
    void serveAnswersGetWithTheFile() throws IOException {
        FakeFileReply reply = FakeFileReply.get();
        statics.serve(reply, "/static/a.txt", null);
        assertThat(reply.status).isEqualTo(200);
        assertThat(reply.bodyText()).isEqualTo("hello");
        assertThat(reply.headers).containsEntry("Content-Type", "text/plain; charset=utf-8");
    }

    @Test
    void serveAnswersADirectoryWithoutSlashWith301AndNoBody() throws IOException {
        FakeFileReply reply = FakeFileReply.get();
        statics.serve(reply, "/static/sub", "a=b");
        assertThat(reply.status).isEqualTo(301);
        assertThat(reply.headers).containsEntry("Location", "/static/sub/?a=b");
        assertThat(reply.headLength).isZero();
    }

    @Test
    void serveThrows404ForRefusedPaths() {
        for (String path : new String[] {"/static/../outside/secret.txt", "/static/link-out.txt", "/static/.env",
            "/static/none"}) {
            assertThatThrownBy(() -> statics.serve(FakeFileReply.get(), path, null))
                    .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void serveRefusesOtherMethodsWith405AndAllow() {
        FakeFileReply reply = new FakeFileReply("POST");
        assertThatThrownBy(() -> statics.serve(reply, "/static/a.txt", null))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(405));
        assertThat(reply.headers).containsEntry("Allow", "GET, HEAD");
    }

    @Test
    void serveWithCacheAnswersFromMemoryAndStillRefusesBadPaths() throws IOException {
        AtomicLong now = new AtomicLong();
        FileCache cache = new FileCache(now::get, 1 << 20, 64 << 10, 1000);
        StaticFiles cached = new StaticFiles("/static", root, false, new FileResponder(true), cache);
        cached.serve(FakeFileReply.get(), "/static/a.txt", null);
        FakeFileReply second = FakeFileReply.get();
        cached.serve(second, "/static/a.txt", null);
        assertThat(second.bodyText()).isEqualTo("hello");
        assertThat(second.bytesBodyCalls).isEqualTo(1);
        assertThat(cache.stats().hits()).isEqualTo(1);
        assertThatThrownBy(() -> cached.serve(FakeFileReply.get(), "/static/../www-secret.txt", null))
                .isInstanceOf(HttpException.class);
    }

    @Test
    void aRemountWithTheSameConfigurationKeepsTheCacheAnotherRootDoesNot() throws IOException {
        AtomicLong now = new AtomicLong();
        FileCache cache = new FileCache(now::get, 1 << 20, 64 << 10, 1000);
        new StaticFiles("/static", root, false, new FileResponder(true), cache).serve(FakeFileReply.get(),
                "/static/a.txt", null);
        new StaticFiles("/static/", root, false, new FileResponder(true), cache).serve(FakeFileReply.get(),
                "/static/a.txt", null);
        assertThat(cache.stats().hits()).isEqualTo(1);
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("a.txt"), "other root");
        FakeFileReply reply = FakeFileReply.get();
        new StaticFiles("/static", other, false, new FileResponder(true), cache).serve(reply, "/static/a.txt", null);
        assertThat(reply.bodyText()).isEqualTo("other root");
        FakeFileReply hidden = FakeFileReply.get();
        new StaticFiles("/static", other, true, new FileResponder(true), cache).serve(hidden, "/static/a.txt", null);
        assertThat(cache.stats().hits()).isEqualTo(1); // another policy is another owner
    }

    @Test
    void cachedNameIsReresolvedAfterTheValidityWindow() throws IOException {
        AtomicLong now = new AtomicLong();
        FileCache cache = new FileCache(now::get, 1 << 20, 64 << 10, 1000);
        StaticFiles cached = new StaticFiles("/static", root, false, new FileResponder(true), cache);
        Path link = root.resolve("moving.txt");
        Files.createSymbolicLink(link, root.resolve("a.txt"));
        cached.serve(FakeFileReply.get(), "/static/moving.txt", null);
        // retarget the link out of the root: trusted for the window, refused after it
        Files.delete(link);
        Files.createSymbolicLink(link, outside.resolve("secret.txt"));
        FakeFileReply within = FakeFileReply.get();
        cached.serve(within, "/static/moving.txt", null);
        assertThat(within.bodyText()).isEqualTo("hello");
        now.addAndGet(1_000_000_000L);
        assertThatThrownBy(() -> cached.serve(FakeFileReply.get(), "/static/moving.txt", null))
                .isInstanceOf(HttpException.class);
        assertThat(cache.stats().entries()).isZero();
    }
}
