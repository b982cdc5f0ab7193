package org.picogate.http.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.picogate.http.HttpException;

/** Percent-decoding (RFC 3986 2.1) into UTF-8 text, strictly: of a request path here, of query parameters in forms. */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * Decodes the ASCII bytes {@code b[from, to)}: each {@code %XX} (hex digits in either case) becomes the byte
     * XX, and the resulting bytes are decoded as UTF-8 ({@code +} stays {@code +}: that rule is only for forms).
     *
     * @throws HttpException 400 for a bad or truncated escape, bytes that are not UTF-8 (overlong forms and
     *         surrogates included), or a decoded control character (NUL, other C0 controls, DEL): none belongs in a
     *         path, and letting them through invites log and header injection further on
     */
    static String decodePath(byte[] b, int from, int to) {
        int pct = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == '%') {
                pct = i;
                break;
            }
        }
        if (pct < 0) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1); // ASCII: checked by the caller
        }
        byte[] out = new byte[to - from];
        int o = pct - from;
        System.arraycopy(b, from, out, 0, o);
        for (int i = pct; i < to; i++) {
            byte c = b[i];
            if (c == '%') {
                if (i + 2 >= to) {
                    throw new HttpException(400, "truncated percent-escape in the path");
                }
                int hi = hex(b[i + 1]);
                int lo = hex(b[i + 2]);
                if (hi < 0 || lo < 0) {
                    throw new HttpException(400, "bad percent-escape in the path");
                }
                int v = hi << 4 | lo;
                if (v < 0x20 || v == 0x7f) {
                    throw new HttpException(400, "control character in the path");
                }
                out[o++] = (byte) v;
                i += 2;
            } else {
                out[o++] = c;
            }
        }
        return strictUtf8(out, o, "the path is not UTF-8");
    }

    /**
     * {@code bytes[0, length)} as UTF-8 text, refusing what is not UTF-8 (where {@code new String} would put U+FFFD).
     *
     * @throws HttpException 400 with {@code reason} for bytes that are not UTF-8
     */
    public static String strictUtf8(byte[] bytes, int length, String reason) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new HttpException(400, reason);
        }
    }

    /** The value of a hex digit, or -1. */
    public static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
