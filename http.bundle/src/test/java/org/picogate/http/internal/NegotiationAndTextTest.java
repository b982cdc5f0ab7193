package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Accept negotiation, Content-Type parsing, Location encoding and HTML escaping. */
class NegotiationAndTextTest {
    private static final List<String> OFFERS = List.of("text/plain", "text/html", "application/json");

    private static String choose(String... accept) {
        return AcceptHeader.choose(List.of(accept), OFFERS);
    }

    @Test
    void acceptPicksTheHighestQualityAndTheServersOrderOnTies() {
        assertThat(AcceptHeader.choose(List.of(), OFFERS)).isEqualTo("text/plain");
        assertThat(choose("*/*")).isEqualTo("text/plain");
        assertThat(choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isEqualTo("text/html");
        assertThat(choose("application/json")).isEqualTo("application/json");
        assertThat(choose("application/json, text/plain;q=0.5")).isEqualTo("application/json");
        assertThat(choose("text/*;q=0.3, application/json;q=0.4")).isEqualTo("application/json");
        assertThat(choose("text/*, text/plain;q=0")).isEqualTo("text/html"); // the specific range wins
        assertThat(choose("text/html;level=1;q=0.2, */*;q=0.1")).isEqualTo("text/html");
        assertThat(choose("text/html", "application/json;q=0.9")).isEqualTo("text/html"); // two header lines
    }

    @Test
    void acceptThatMatchesNothingOrIsGarbageFallsBackToTheFirstOffer() {
        assertThat(choose("image/png")).isEqualTo("text/plain");
        assertThat(choose(";;,,/")).isEqualTo("text/plain");
        assertThat(choose("application/json;q=abc")).isEqualTo("application/json"); // a bad q counts as 1
        assertThat(choose("application/json;q=7")).isEqualTo("application/json");
    }

    @Test
    void mediaTypes() {
        MediaType t = MediaType.parse("Multipart/Form-Data; Boundary=\"a b\\\"c\"; charset=UTF-8");
        assertThat(t.essence()).isEqualTo("multipart/form-data");
        assertThat(t.parameters()).containsOnly(entry("boundary", "a b\"c"), entry("charset", "UTF-8"));
        assertThat(MediaType.parse("application/json").isJson()).isTrue();
        assertThat(MediaType.parse("application/merge-patch+json; charset=utf-8").isJson()).isTrue();
        assertThat(MediaType.parse("text/json").isJson()).isFalse();
        assertThat(MediaType.parse(null).essence()).isEmpty();
        assertThat(MediaType.parse("text/plain;;junk;=x;a=1").parameters()).containsOnly(entry("a", "1"));
        assertThat(MediaType.parse("x/y; b=\"unterminated").parameter("b")).isEqualTo("unterminated");
    }

    @Test
    void locationsArePercentEncodedOutsideVisibleAscii() {
        assertThat(Locations.encode("/notes/1?x=%20")).isEqualTo("/notes/1?x=%20");
        assertThat(Locations.encode("/café au lait")).isEqualTo("/caf%C3%A9%20au%20lait");
        assertThat(Locations.encode("/a\r\nSet-Cookie: x=y")).isEqualTo("/a%0D%0ASet-Cookie:%20x=y");
    }

    @Test
    void htmlEscaping() {
        assertThat(Html.escape("plain")).isEqualTo("plain");
        assertThat(Html.escape("<a href=\"x\">Tom & 'Jerry'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    }
}
