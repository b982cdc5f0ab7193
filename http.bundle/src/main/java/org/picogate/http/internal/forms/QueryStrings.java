package org.picogate.http.internal.forms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.picogate.http.HttpException;
import org.picogate.http.internal.PercentDecoding;

/**
 * {@code application/x-www-form-urlencoded} text (a query, or a form body) parsed as Python's
 * {@code urllib.parse.parse_qs(qs, keep_blank_values=False, strict_parsing=False, separator='&')}: pairs split at
 * {@code &} only ({@code ;} is data since Python 3.10), each at its first {@code =}; {@code +} is a space, then
 * percent-escapes are decoded and the bytes read as UTF-8. A pair with an empty value, or without {@code =},
 * is dropped; a pair with an empty name is kept.
 *
 * <p>Where parse_qs is lenient (it leaves {@code %zz} as it is and replaces bad UTF-8 with U+FFFD), we answer 400:
 * a server that guesses what a garbled parameter meant hides the client's bug.
 */
public final class QueryStrings {

    private QueryStrings() {
    }

    /**
     * Parses {@code b[from, to)}.
     *
     * @param maxParameters at most this many pairs (counted as parse_qs does: separators + 1, dropped ones too)
     * @param tooManyStatus the status when there are more: 400 for a query, 413 for a form body
     * @return names in the order first seen, each with its values in order; unmodifiable
     * @throws HttpException 400 for a bad or truncated percent-escape or bytes that are not UTF-8
     */
    public static Map<String, List<String>> parse(byte[] b, int from, int to, int maxParameters,
            int tooManyStatus) {
        int pairs = 1;
        for (int i = from; i < to; i++) {
            if (b[i] == '&' && ++pairs > maxParameters) {
                throw new HttpException(tooManyStatus, "more than " + maxParameters + " parameters");
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        int start = from;
        while (start <= to) {
            int end = indexOf(b, (byte) '&', start, to);
            int eq = indexOf(b, (byte) '=', start, end);
            if (eq < end && eq + 1 < end) { // has '=' and a non-empty value
                String name = decode(b, start, eq);
                String value = decode(b, eq + 1, end);
                result.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        if (result.isEmpty()) {
            return Map.of();
        }
        result.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(result);
    }

    /** Parses a query string (the characters are ASCII: the request parser allows nothing else). */
    public static Map<String, List<String>> parseQuery(String rawQuery, int maxParameters) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        byte[] b = rawQuery.getBytes(StandardCharsets.ISO_8859_1);
        return parse(b, 0, b.length, maxParameters, 400);
    }

    /** The first {@code c} in {@code b[from, to)}, or {@code to}. */
    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return to;
    }

    /** {@code +} to space, {@code %XX} to the byte XX, then UTF-8, strictly. */
    static String decode(byte[] b, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            plain = b[i] != '%' && b[i] != '+' && b[i] >= 0;
        }
        if (plain) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1); // ASCII
        }
        byte[] out = new byte[to - from];
        int o = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '+') {
                out[o++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= to) {
                    throw new HttpException(400, "truncated percent-escape in a parameter");
                }
                int hi = PercentDecoding.hex(b[i + 1]);
                int lo = PercentDecoding.hex(b[i + 2]);
                if (hi < 0 || lo < 0) {
                    throw new HttpException(400, "bad percent-escape in a parameter");
                }
                out[o++] = (byte) (hi << 4 | lo);
                i += 2;
            } else {
                out[o++] = c;
            }
        }
        return PercentDecoding.strictUtf8(out, o, "a parameter is not UTF-8");
    }
}
