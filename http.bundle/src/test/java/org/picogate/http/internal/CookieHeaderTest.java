package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picogate.http.Cookie;

/** Cookie headers read leniently (RFC 6265 5.4), Set-Cookie written strictly (4.1). */
class CookieHeaderTest {

    @Test
    void readsPairsInOrderFirstValueWinning() {
        assertThat(CookieHeader.parse(List.of("sid=abc; theme=dark; sid=older")))
                .containsExactly(entry("sid", "abc"), entry("theme", "dark"));
    }

    @Test
    void isLenientWithWhatClientsSend() {
        assertThat(CookieHeader.parse(List.of(" a = 1 ;b=\"quoted\";;noequals; =novalue;c=;d=x=y;e=\"",
                "f=second line")))
                .containsExactly(entry("a", "1"), entry("b", "quoted"), entry("c", ""), entry("d", "x=y"),
                        entry("e", "\""), entry("f", "second line"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ";", "=", "==;;==", "\u00e9=\u00e8", "a=%zz", "\"" })
    void neverThrows(String header) {
        assertThat(CookieHeader.parse(List.of(header))).isNotNull();
    }

    @Test
    void noHeaderNoCookies() {
        assertThat(CookieHeader.parse(List.of())).isEmpty();
    }

    @Test
    void writesEveryAttribute() {
        Cookie c = Cookie.of("sid", "abc123").withPath("/app").withDomain("gateway.local")
                .withMaxAge(Duration.ofHours(1)).withExpires(Instant.ofEpochSecond(784111777)).withSecure(true)
                .withHttpOnly(true).withSameSite(Cookie.SameSite.NONE);
        assertThat(CookieHeader.setCookie(c)).isEqualTo("sid=abc123; Path=/app; Domain=gateway.local; Max-Age=3600;"
                + " Expires=Sun, 06 Nov 1994 08:49:37 GMT; Secure; HttpOnly; SameSite=None");
        assertThat(CookieHeader.setCookie(Cookie.of("a", ""))).isEqualTo("a=");
        assertThat(CookieHeader.setCookie(Cookie.of("a", "b").withMaxAge(Duration.ZERO)
                .withSameSite(Cookie.SameSite.LAX))).isEqualTo("a=b; Max-Age=0; SameSite=Lax");
    }

    @Test
    void sameSiteNoneWithoutSecureIsRefused() {
        assertThatThrownBy(() -> CookieHeader.setCookie(Cookie.of("a", "b").withSameSite(Cookie.SameSite.NONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SameSite=None needs Secure");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "a b", "a;b", "a=b", "a\"", "a,b", "é", "a\r\n" })
    void aNameThatIsNotATokenIsRefused(String name) {
        assertThatThrownBy(() -> Cookie.of(name, "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a b", "a;b", "a,b", "a\"b", "a\\b", "\u00e9", "a\r\nSet-Cookie: x=y", "\t" })
    void aValueOutsideCookieOctetsIsRefused(String value) {
        assertThatThrownBy(() -> Cookie.of("n", value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badAttributesAreRefused() {
        Cookie c = Cookie.of("n", "v");
        assertThatThrownBy(() -> c.withPath("/a;b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withPath("/a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withDomain("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withDomain("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withDomain("ex;ample.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withMaxAge(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cookie.of(null, "v")).isInstanceOf(NullPointerException.class);
    }
}
