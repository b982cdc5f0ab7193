package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a route pattern may be, and the reason given when it is not. */
class RoutePatternTest {

    @Test
    void aPathPatternHasLiteralsAndParameters() {
        PathPattern p = PathPattern.parse("/users/{user}/notes/{note_id}");

        assertThat(p.size()).isEqualTo(4);
        assertThat(p.literal(0)).isEqualTo("users");
        assertThat(p.literal(1)).isNull();
        assertThat(p.name(1)).isEqualTo("note_id");
        assertThat(p.key()).isEqualTo("/users/{}/notes/{}");
        assertThat(PathPattern.parse("/users/{u}/notes/{n}").key()).isEqualTo(p.key());
        assertThat(PathPattern.parse("/a/").key()).isNotEqualTo(PathPattern.parse("/a").key());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "notes          | starts with /",
        "''             | starts with /",
        "/a//b          | empty segment",
        "/a/{b}c        | whole segment",
        "/a{b}          | whole segment",
        "/a/{}          | is not a name",
        "/a/{1x}        | is not a name",
        "/a/{b-c}       | is not a name",
        "/{id}/{id}     | {id} twice",
        "/a?b=1         | without query",
        "/a#top         | without query",
    })
    void aMalformedPathIsRejectedWithTheReason(String pattern, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> PathPattern.parse(pattern))
                .withMessageContaining(reason);
    }

    @Test
    void aControlCharacterIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> PathPattern.parse("/a\nb"))
                .withMessageContaining("control character");
    }

    @Test
    void aBadRegexIsRejectedWithTheSyntaxError() {
        assertThatIllegalArgumentException().isThrownBy(() -> RegexPattern.parse("/(?<year>\\d+"))
                .withMessageContaining("Unclosed group");
        assertThatIllegalArgumentException().isThrownBy(() -> RegexPattern.parse(""))
                .withMessageContaining("empty");
    }

    @Test
    void aBadMethodIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> RouteCollector.method("G ET"))
                .withMessageContaining("bad method");
        assertThatIllegalArgumentException().isThrownBy(() -> RouteCollector.method(""));
        assertThat(RouteCollector.method("patch")).isEqualTo("PATCH");
    }
}
