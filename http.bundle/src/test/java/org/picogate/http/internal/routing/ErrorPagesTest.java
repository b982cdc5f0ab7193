package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.picogate.http.ErrorHandler;

/** Which error handler covers a path: the longest prefix, then ranking, then the older service; none by default. */
class ErrorPagesTest {
    private final ErrorPages pages = new ErrorPages();

    private static ErrorHandler named(String name) {
        return new ErrorHandler() {
            @Override
            public void handle(org.picogate.http.Request request, org.picogate.http.Response response,
                    org.picogate.http.HttpException error) throws java.io.IOException {
                response.send(name);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private String at(String path) {
        ErrorHandler h = pages.select(path);
        return h == null ? "default" : h.toString();
    }

    @Test
    void withoutHandlersEveryPathGetsTheDefault() {
        assertThat(at("/")).isEqualTo("default");
        assertThat(at("/notes/1")).isEqualTo("default");
    }

    @Test
    void theLongestPrefixThePathIsUnderWins() {
        pages.add(1L, 1, 0, null, named("all"));
        pages.add(2L, 2, 0, "/notes", named("notes"));
        pages.add(3L, 3, 0, "/notes/admin/", named("admin")); // a trailing slash is dropped
        assertThat(at("/")).isEqualTo("all");
        assertThat(at("/other")).isEqualTo("all");
        assertThat(at("/notes")).isEqualTo("notes");
        assertThat(at("/notes/7")).isEqualTo("notes");
        assertThat(at("/notesx")).as("a prefix covers whole segments").isEqualTo("all");
        assertThat(at("/notes/admin")).isEqualTo("admin");
        assertThat(at("/notes/admin/users")).isEqualTo("admin");
        assertThat(at("/notes/administrator")).isEqualTo("notes");
    }

    @Test
    void ofEqualPrefixesTheHigherRankingThenTheLowerServiceIdWins() {
        pages.add(7L, 7, 0, "/a", named("seven"));
        pages.add(5L, 5, 0, "/a", named("five"));
        assertThat(at("/a/x")).isEqualTo("five");
        pages.add(9L, 9, 3, "/a", named("ranked"));
        assertThat(at("/a/x")).isEqualTo("ranked");
        pages.remove(9L);
        assertThat(at("/a/x")).isEqualTo("five");
        pages.remove(5L);
        pages.remove(7L);
        assertThat(at("/a/x")).isEqualTo("default");
    }

    @Test
    void aServiceAddedAgainReplacesItsEntry() {
        pages.add(1L, 1, 0, "/a", named("old"));
        pages.add(1L, 1, 0, "/b", named("new")); // a modified prefix property
        assertThat(at("/a")).isEqualTo("default");
        assertThat(at("/b")).isEqualTo("new");
    }

    @Test
    void aPrefixThatIsNotAPlainPathIsRefused() {
        assertThatThrownBy(() -> pages.add(1L, 1, 0, "notes", named("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts with /");
        assertThatThrownBy(() -> pages.add(1L, 1, 0, "/notes/{id}", named("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parameters");
        assertThat(at("/notes")).isEqualTo("default");
    }
}
