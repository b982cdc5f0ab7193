package org.picogate.http.internal.websocket;

/**
 * Encodes frame headers (RFC 6455 5.2), with the shortest length encoding. A server's frames are unmasked; the
 * masked form is for clients (the tests' client).
 */
final class FrameHeaders {
    private FrameHeaders() {
    }

    /**
     * The header of a frame of {@code length} payload bytes.
     *
     * @param maskKey four bytes for a client frame (the caller masks the payload with them), or {@code null}
     */
    static byte[] encode(boolean fin, int opcode, long length, byte[] maskKey) {
        int lengthBytes = length < 126 ? 0 : length <= 0xffff ? 2 : 8;
        int maskBytes = maskKey == null ? 0 : 4;
        byte[] header = new byte[2 + lengthBytes + maskBytes];
        header[0] = (byte) ((fin ? 0x80 : 0) | opcode);
        int lengthCode = lengthBytes == 0 ? (int) length : lengthBytes == 2 ? 126 : 127;
        header[1] = (byte) ((maskKey == null ? 0 : 0x80) | lengthCode);
        for (int i = 0; i < lengthBytes; i++) {
            header[2 + i] = (byte) (length >>> (8 * (lengthBytes - 1 - i)));
        }
        if (maskKey != null) {
            System.arraycopy(maskKey, 0, header, 2 + lengthBytes, 4);
        }
        return header;
    }
}
