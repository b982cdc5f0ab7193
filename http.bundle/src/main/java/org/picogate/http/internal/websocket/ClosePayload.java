package org.picogate.http.internal.websocket;

import java.nio.charset.StandardCharsets;

import org.picogate.http.websocket.CloseCodes;
import org.picogate.http.websocket.Message;

/** The body of a close frame (RFC 6455 5.5.1): nothing, or a two-byte code and a UTF-8 reason. */
final class ClosePayload {
    /** A code and reason fit a control frame: 125 bytes minus the code's 2. */
    static final int MAX_REASON_BYTES = Frame.MAX_CONTROL_PAYLOAD - 2;

    private ClosePayload() {
    }

    /**
     * The code and reason of a received close frame; {@link CloseCodes#NO_STATUS} for an empty one.
     *
     * @throws ProtocolViolation 1002 for a one-byte body or a code that may not be sent, 1007 for a reason that
     *         is not UTF-8
     */
    static Message.Close parse(byte[] payload) throws ProtocolViolation {
        if (payload.length == 0) {
            return new Message.Close(CloseCodes.NO_STATUS, "");
        }
        if (payload.length == 1) {
            throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "close frame with a one-byte body");
        }
        int code = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        if (!CloseCodes.isValid(code)) {
            throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "invalid close code " + code);
        }
        return new Message.Close(code, Utf8.decode(payload, 2, payload.length - 2, "close reason"));
    }

    /**
     * The body of a close frame to send; empty for {@link CloseCodes#NO_STATUS} (answering a close that had no
     * code).
     *
     * @throws IllegalArgumentException if the code may not be sent or the reason is longer than 123 bytes
     */
    static byte[] encode(int code, String reason) {
        if (code == CloseCodes.NO_STATUS) {
            return new byte[0];
        }
        if (!CloseCodes.isValid(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent");
        }
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_REASON_BYTES) {
            throw new IllegalArgumentException("close reason longer than " + MAX_REASON_BYTES + " bytes in UTF-8");
        }
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return payload;
    }
}
