package org.picogate.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A cookie to set ({@link Response#cookie(Cookie)}, RFC 6265 4.1): built with {@link #of} and the {@code with}
 * methods, each returning a new cookie. Every part is checked when it is set, so a cookie that exists can be sent.
 *
 * <pre>{@code
 * response.cookie(Cookie.of("session", id).withPath("/").withMaxAge(Duration.ofHours(8)).withHttpOnly(true)
 *         .withSameSite(Cookie.SameSite.LAX));
 * }</pre>
 *
 * @param name a token
 * @param value cookie-octets only (no space, {@code "}, {@code ,}, {@code ;}, {@code \}, controls), may be empty
 * @param path the {@code Path} attribute, or {@code null}
 * @param domain the {@code Domain} attribute, or {@code null}
 * @param maxAge the {@code Max-Age} (whole seconds; zero deletes the cookie), or {@code null} for none
 * @param expires the {@code Expires} date, or {@code null} for none
 * @param secure the {@code Secure} attribute
 * @param httpOnly the {@code HttpOnly} attribute
 * @param sameSite the {@code SameSite} attribute, or {@code null} for none
 */
public record Cookie(String name, String value, String path, String domain, Duration maxAge, Instant expires,
        boolean secure, boolean httpOnly, SameSite sameSite) {

    /** The values of {@code SameSite}. {@code NONE} requires {@code Secure} (browsers drop the cookie otherwise). */
    public enum SameSite {
        STRICT("Strict"), LAX("Lax"), NONE("None");

        private final String attribute;

        SameSite(String attribute) {
            this.attribute = attribute;
        }

        /** As written in {@code Set-Cookie}. */
        public String attribute() {
            return attribute;
        }
    }

    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || !name.chars().allMatch(Cookie::isTokenChar)) {
            throw new IllegalArgumentException("a cookie name is a token: " + name);
        }
        if (!value.chars().allMatch(Cookie::isCookieOctet)) {
            throw new IllegalArgumentException("cookie " + name + ": the value has a character a cookie cannot hold"
                    + " (space, quote, comma, semicolon, backslash, control or non-ASCII); encode it first");
        }
        if (path != null && !path.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != ';')) {
            throw new IllegalArgumentException("cookie " + name + ": the path has a control character or ';'");
        }
        if (domain != null && (domain.isEmpty()
                || !domain.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 0x80 || c == '.' || c == '-'))) {
            throw new IllegalArgumentException("cookie " + name + ": not a domain name: " + domain);
        }
        if (maxAge != null && maxAge.isNegative()) {
            throw new IllegalArgumentException("cookie " + name + ": negative Max-Age");
        }
    }

    /** A session cookie with no attributes. */
    public static Cookie of(String name, String value) {
        return new Cookie(name, value, null, null, null, null, false, false, null);
    }

    public Cookie withPath(String path) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    public Cookie withDomain(String domain) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    public Cookie withMaxAge(Duration maxAge) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    public Cookie withExpires(Instant expires) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    public Cookie withSecure(boolean secure) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    public Cookie withHttpOnly(boolean httpOnly) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    public Cookie withSameSite(SameSite sameSite) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    /** tchar (RFC 9110 5.6.2). */
    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    /** cookie-octet (RFC 6265 4.1.1). */
    private static boolean isCookieOctet(int c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x3a) || (c >= 0x3c && c <= 0x5b)
                || (c >= 0x5d && c <= 0x7e);
    }
}
