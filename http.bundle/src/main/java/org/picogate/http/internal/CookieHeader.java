package org.picogate.http.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.picogate.http.Cookie;

/**
 * {@code Cookie} request headers read (RFC 6265 5.4 as browsers send it) and {@code Set-Cookie} values written
 * (RFC 6265 4.1).
 */
final class CookieHeader {

    private CookieHeader() {
    }

    /**
     * The cookies in {@code headers} (every {@code Cookie} line; HTTP/2 gateways split them), first value of each
     * name winning (browsers send the most specific path first). Lenient as a client's input must be read: pairs
     * split at {@code ;}, whitespace around names and values dropped, a value in double quotes unquoted, pairs
     * without {@code =} or with an empty name skipped; nothing is decoded. Never throws.
     */
    static Map<String, String> parse(List<String> headers) {
        if (headers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headers) {
            int start = 0;
            while (start <= header.length()) {
                int end = header.indexOf(';', start);
                if (end < 0) {
                    end = header.length();
                }
                int eq = header.indexOf('=', start);
                if (eq >= 0 && eq < end) {
                    String name = header.substring(start, eq).strip();
                    String value = header.substring(eq + 1, end).strip();
                    if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                        value = value.substring(1, value.length() - 1);
                    }
                    if (!name.isEmpty()) {
                        cookies.putIfAbsent(name, value);
                    }
                }
                start = end + 1;
            }
        }
        return Collections.unmodifiableMap(cookies);
    }

    /**
     * The {@code Set-Cookie} value for {@code cookie}. {@code Max-Age} is whole seconds (0 deletes the cookie);
     * {@code Expires} is an IMF-fixdate.
     *
     * @throws IllegalArgumentException for {@code SameSite=None} without {@code Secure}, which browsers reject
     */
    static String setCookie(Cookie cookie) {
        if (cookie.sameSite() == Cookie.SameSite.NONE && !cookie.secure()) {
            throw new IllegalArgumentException("cookie " + cookie.name() + ": SameSite=None needs Secure");
        }
        StringBuilder s = new StringBuilder(64).append(cookie.name()).append('=').append(cookie.value());
        if (cookie.path() != null) {
            s.append("; Path=").append(cookie.path());
        }
        if (cookie.domain() != null) {
            s.append("; Domain=").append(cookie.domain());
        }
        if (cookie.maxAge() != null) {
            s.append("; Max-Age=").append(cookie.maxAge().getSeconds());
        }
        if (cookie.expires() != null) {
            s.append("; Expires=").append(HttpDates.format(cookie.expires().getEpochSecond()));
        }
        if (cookie.secure()) {
            s.append("; Secure");
        }
        if (cookie.httpOnly()) {
            s.append("; HttpOnly");
        }
        if (cookie.sameSite() != null) {
            s.append("; SameSite=").append(cookie.sameSite().attribute());
        }
        return s.toString();
    }
}
