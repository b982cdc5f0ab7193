package org.picogate.http.internal.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picogate.http.HttpException;

/** parse_qs semantics (Python 3.12, default arguments) and the strict failures where parse_qs is lenient. */
class QueryStringsTest {

    private static Map<String, List<String>> parse(String qs) {
        return QueryStrings.parseQuery(qs, 1000);
    }

    @Test
    void repeatedKeysKeepEveryValueInOrder() {
        assertThat(parse("a=1&b=2&a=3")).containsExactly(entry("a", List.of("1", "3")), entry("b", List.of("2")));
    }

    @Test
    void plusIsASpaceAndEscapesAreUtf8() {
        // parse_qs('q=caf%C3%A9+au+lait&plus=%2B&sp=a%20b') == {'q': ['café au lait'], 'plus': ['+'], 'sp': ['a b']}
        assertThat(parse("q=caf%C3%A9+au+lait&plus=%2B&sp=a%20b")).containsExactly(
                entry("q", List.of("café au lait")), entry("plus", List.of("+")), entry("sp", List.of("a b")));
    }

    @Test
    void namesAreDecodedToo() {
        assertThat(parse("first+name=x&%C3%A9t%C3%A9=y")).containsOnlyKeys("first name", "été");
    }

    @Test
    void blankValuesAndBarePairsAreDroppedAsWithKeepBlankValuesFalse() {
        // parse_qs('a=&b&c=1&&=') == {'c': ['1']}
        assertThat(parse("a=&b&c=1&&=")).containsExactly(entry("c", List.of("1")));
    }

    @Test
    void anEmptyNameWithAValueIsKept() {
        // parse_qs('=x') == {'': ['x']}
        assertThat(parse("=x")).containsExactly(entry("", List.of("x")));
    }

    @Test
    void onlyTheFirstEqualsSplitsAPair() {
        assertThat(parse("expr=a=b")).containsExactly(entry("expr", List.of("a=b")));
    }

    @Test
    void semicolonIsDataNotASeparator() {
        // Python >= 3.10: parse_qs('a=1;b=2') == {'a': ['1;b=2']}
        assertThat(parse("a=1;b=2")).containsExactly(entry("a", List.of("1;b=2")));
    }

    @Test
    void noQueryIsEmpty() {
        assertThat(parse(null)).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse("&&&")).isEmpty();
    }

    @Test
    void theResultIsUnmodifiable() {
        Map<String, List<String>> q = parse("a=1");
        assertThatThrownBy(() -> q.put("b", List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> q.get("a").add("2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a=%zz", "a=%4", "a=%", "a=x%", "%g1=b", "a=%C3", "a=%C3%28", "a=%C0%AF", "a=%ED%A0%80" })
    void badEscapesAndBadUtf8Are400(String qs) {
        assertThatThrownBy(() -> parse(qs)).isInstanceOfSatisfying(HttpException.class,
                e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void theReasonSaysWhatIsWrong() {
        assertThatThrownBy(() -> parse("a=%4")).hasMessage("truncated percent-escape in a parameter");
        assertThatThrownBy(() -> parse("a=%zz")).hasMessage("bad percent-escape in a parameter");
        assertThatThrownBy(() -> parse("a=%FF")).hasMessage("a parameter is not UTF-8");
    }

    @Test
    void rawUtf8InAFormBodyIsDecoded() {
        byte[] body = "name=Zoë".getBytes(StandardCharsets.UTF_8);
        assertThat(QueryStrings.parse(body, 0, body.length, 10, 413)).containsExactly(entry("name", List.of("Zoë")));
    }

    @Test
    void rawBytesThatAreNotUtf8Are400() {
        byte[] body = { 'a', '=', (byte) 0xff };
        assertThatThrownBy(() -> QueryStrings.parse(body, 0, body.length, 10, 413))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void upToTheParameterLimitIsFineOneMoreIsRefusedWithTheGivenStatus() {
        String five = "a=1&b=2&c=3&d=4&e=5";
        byte[] b = five.getBytes(StandardCharsets.US_ASCII);
        assertThat(QueryStrings.parse(b, 0, b.length, 5, 413)).hasSize(5);
        byte[] six = (five + "&f=6").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> QueryStrings.parse(six, 0, six.length, 5, 413))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(413))
                .hasMessage("more than 5 parameters");
        assertThatThrownBy(() -> QueryStrings.parseQuery("&&&&&&", 5))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
