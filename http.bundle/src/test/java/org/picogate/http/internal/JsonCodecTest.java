package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.picogate.http.HttpException;

/** Binding JSON to types: values of the right kind bind, anything else is a 400 that names the property. */
class JsonCodecTest {

    public record Reading(String sensor, int count, long at, short s, byte b, double value, float f, boolean ok,
            char unit, Integer maybe, BigInteger big, BigDecimal exact) {
    }

    public record Tags(List<Integer> ids, Map<String, Boolean> flags) {
    }

    /** A bean with setters, to show the same rules hold outside records. */
    public static class Bean {
        private int stars;

        public int getStars() {
            return stars;
        }

        public void setStars(int stars) {
            this.stars = stars;
        }
    }

    private static <T> T read(String json, Class<T> type) {
        return JsonCodec.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static String failure(String json, Class<?> type) {
        try {
            read(json, type);
        } catch (HttpException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.getMessage();
        }
        throw new AssertionError("bound " + json);
    }

    @Test
    void valuesOfTheRightKindBind() {
        Reading r = read("{\"sensor\":\"t1\",\"count\":-7,\"at\":9007199254740993,\"s\":-32768,\"b\":127,"
                + "\"value\":22.5,\"f\":3,\"ok\":true,\"unit\":\"C\",\"maybe\":null,"
                + "\"big\":123456789012345678901234567890,\"exact\":0.1,\"unknown\":{\"x\":[1]}}", Reading.class);
        assertThat(r).isEqualTo(new Reading("t1", -7, 9007199254740993L, (short) -32768, (byte) 127, 22.5, 3f, true,
                'C', null, new BigInteger("123456789012345678901234567890"), new BigDecimal("0.1")));
        assertThat(read("{\"ids\":[1,2],\"flags\":{\"a\":false}}", Tags.class))
                .isEqualTo(new Tags(List.of(1, 2), Map.of("a", false)));
        assertThat(read("{\"stars\":4}", Bean.class).getStars()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"count\":\"many\"}                   | \"count\": expected an integer (int), got the string \"many\"",
        "{\"count\":\"5\"}                      | \"count\": expected an integer (int), got the string \"5\"",
        "{\"count\":2.5}                        | \"count\": expected an integer (int), got the number 2.5",
        "{\"count\":2.0}                        | \"count\": expected an integer (int), got the number 2.0",
        "{\"count\":2147483648}                 | \"count\": expected an integer (int), got the number 2147483648, out of range",
        "{\"count\":null}                       | \"count\": expected an integer (int), got null",
        "{\"count\":true}                       | \"count\": expected an integer (int), got true",
        "{\"count\":[1]}                        | \"count\": expected an integer (int), got an array",
        "{\"at\":9223372036854775808}           | \"at\": expected an integer (long), got the number 9223372036854775808, out of range",
        "{\"s\":32768}                          | \"s\": expected an integer (short), got the number 32768, out of range",
        "{\"b\":-129}                           | \"b\": expected an integer (byte), got the number -129, out of range",
        "{\"value\":\"22.5\"}                   | \"value\": expected a number (double), got the string \"22.5\"",
        "{\"f\":1e39}                           | \"f\": expected a number (float), got the number 1e39, out of range",
        "{\"value\":1e400}                      | \"value\": expected a number (double), got the number 1e400, out of range",
        "{\"ok\":\"yes\"}                       | \"ok\": expected true or false (boolean), got the string \"yes\"",
        "{\"ok\":1}                             | \"ok\": expected true or false (boolean), got the number 1",
        "{\"sensor\":5}                         | \"sensor\": expected a string (String), got the number 5",
        "{\"sensor\":{\"a\":1}}                 | \"sensor\": expected a string (String), got an object",
        "{\"unit\":\"°C\"}                      | \"unit\": expected a string of one character (char), got the string \"°C\"",
        "{\"maybe\":\"x\"}                      | \"maybe\": expected an integer (Integer), got the string \"x\"",
        "{\"big\":1.5}                          | \"big\": expected an integer (BigInteger), got the number 1.5",
        "{\"exact\":\"0.1\"}                    | \"exact\": expected a number (BigDecimal), got the string \"0.1\"",
    })
    void aValueOfTheWrongKindIs400NamingThePropertyAndWhatCame(String json, String reason) {
        assertThat(failure(json, Reading.class)).startsWith("bad JSON: " + reason + " at line 1, column ");
    }

    @Test
    void theValuesOfTypedCollectionsAndBeansAreCheckedToo() {
        assertThat(failure("{\"ids\":[1,\"two\"]}", Tags.class))
                .startsWith("bad JSON: expected an integer (Integer), got the string \"two\"");
        assertThat(failure("{\"flags\":{\"a\":\"no\"}}", Tags.class))
                .startsWith("bad JSON: \"a\": expected true or false (Boolean), got the string \"no\"");
        assertThat(failure("{\"stars\":\"many\"}", Bean.class))
                .startsWith("bad JSON: \"stars\": expected an integer (int), got the string \"many\"");
    }

    @Test
    void aLongValueInTheReasonIsCut() {
        String reason = failure("{\"count\":\"" + "x".repeat(500) + "\"}", Reading.class);
        assertThat(reason).contains("\"" + "x".repeat(40) + "...\"").hasSizeLessThan(200);
    }

    @Test
    void aTreeAndAMapOfObjectsStillTakeAnyValue() {
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("a", "5");
        expected.put("b", 2.5);
        expected.put("c", null);
        String json = "{\"a\":\"5\",\"b\":2.5,\"c\":null}";
        assertThat(JsonCodec.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
        assertThat(read(json, Map.class)).isEqualTo(expected);
        assertThat(read("[1,\"a\"]", List.class)).isEqualTo(List.of(1, "a"));
        assertThat(failure("[1]", Map.class)).isEqualTo("bad JSON: expected an object, got an array");
        assertThat(failure("\"x\"", List.class)).isEqualTo("bad JSON: expected an array, got a String");
        assertThat(failure("null", Map.class)).isEqualTo("bad JSON: expected an object, got null");
    }

    @Test
    void malformedJsonIsStill400() {
        assertThatThrownBy(() -> read("{\"count\":", Reading.class)).isInstanceOf(HttpException.class)
                .hasMessageStartingWith("bad JSON: ");
    }
}
