package org.picogate.http.internal;

import java.nio.charset.StandardCharsets;

/** {@code Location} values: a URI reference as the handler wrote it, made safe for a header. */
final class Locations {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Locations() {
    }

    /**
     * {@code location} with every character outside visible ASCII percent-encoded as UTF-8 (an IRI made a URI, as
     * browsers do with what they are given): spaces, non-ASCII letters, and also CR and LF, which therefore
     * can never split the response. What is already percent-encoded is left as it is.
     */
    static String encode(String location) {
        int i = 0;
        while (i < location.length() && location.charAt(i) > 0x20 && location.charAt(i) < 0x7f) {
            i++;
        }
        if (i == location.length()) {
            return location;
        }
        StringBuilder out = new StringBuilder(location.length() + 16).append(location, 0, i);
        for (byte b : location.substring(i).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
