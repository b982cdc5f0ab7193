package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "index.html|text/html; charset=utf-8",
        "old.htm|text/html; charset=utf-8",
        "site.css|text/css; charset=utf-8",
        "app.js|text/javascript; charset=utf-8",
        "mod.mjs|text/javascript; charset=utf-8",
        "data.json|application/json",
        "app.js.map|application/json",
        "notes.txt|text/plain; charset=utf-8",
        "table.csv|text/csv; charset=utf-8",
        "README.md|text/markdown; charset=utf-8",
        "feed.xml|application/xml",
        "logo.svg|image/svg+xml",
        "a.png|image/png",
        "a.jpg|image/jpeg",
        "a.jpeg|image/jpeg",
        "a.gif|image/gif",
        "a.webp|image/webp",
        "favicon.ico|image/x-icon",
        "m.wasm|application/wasm",
        "doc.pdf|application/pdf",
        "f.woff|font/woff",
        "f.woff2|font/woff2",
    })
    void builtInTable(String name, String type) {
        assertThat(ContentTypes.forName(name)).isEqualTo(type);
    }

    @Test
    void extensionsMatchWithoutRegardToCase() {
        assertThat(ContentTypes.forName("INDEX.HTML")).isEqualTo("text/html; charset=utf-8");
        assertThat(ContentTypes.forName("Photo.JpG")).isEqualTo("image/jpeg");
    }

    @Test
    void everyTextTypeHasTheUtf8Charset() {
        for (String name : List.of("a.html", "a.htm", "a.css", "a.js", "a.mjs", "a.txt", "a.csv", "a.md")) {
            String type = ContentTypes.forName(name);
            assertThat(type).startsWith("text/").endsWith("; charset=utf-8");
        }
        assertThat(ContentTypes.forName("a.png")).doesNotContain("charset");
    }

    @Test
    void unknownOrMissingExtensionIsOctetStream() {
        assertThat(ContentTypes.forName("archive.tar.zst")).isEqualTo(ContentTypes.DEFAULT);
        assertThat(ContentTypes.forName("Makefile")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.forName("trailing.")).isEqualTo(ContentTypes.DEFAULT);
        assertThat(ContentTypes.forName("dir.html/file")).isEqualTo(ContentTypes.DEFAULT);
        assertThat(ContentTypes.forName("x.gz")).isEqualTo(ContentTypes.DEFAULT);
    }

    @Test
    void byPathUsesTheFileName() {
        assertThat(ContentTypes.of(Path.of("/srv/www.d/app.css"))).isEqualTo("text/css; charset=utf-8");
        assertThat(ContentTypes.of(Path.of("/"))).isEqualTo(ContentTypes.DEFAULT);
    }
}
