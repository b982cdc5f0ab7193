package org.picogate.http.internal.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.picogate.http.websocket.CloseCodes;

/** Strict UTF-8 decoding for text messages and close reasons (RFC 6455 8.1): invalid input fails with 1007. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * Decodes {@code length} bytes; the JDK's decoder rejects overlong forms, surrogates and code points past
     * U+10FFFF, as RFC 3629 does.
     *
     * @throws ProtocolViolation with {@link CloseCodes#INVALID_DATA} if the bytes are not UTF-8
     */
    static String decode(byte[] bytes, int offset, int length, String what) throws ProtocolViolation {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolViolation(CloseCodes.INVALID_DATA, what + " is not valid UTF-8");
        }
    }
}
