package org.picogate.http.internal.websocket;

/** The XOR masking of client frames (RFC 6455 5.3); applying it twice restores the data. */
final class Masking {
    private Masking() {
    }

    static void apply(byte[] key, byte[] data) {
        for (int i = 0; i < data.length; i++) {
            data[i] ^= key[i & 3];
        }
    }
}
