package org.picogate.http.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.picogate.http.websocket.CloseCodes;
import org.picogate.http.websocket.Message;

/**
 * The frame encoding byte for byte against the examples of RFC 6455 5.7, so that a mistake shared by our writer
 * and our reader (which the session tests use on both ends) cannot hide.
 */
class FrameCodecTest {
    private static final byte[] KEY = { 0x37, (byte) 0xfa, 0x21, 0x3d };

    @Test
    void unmaskedHello() {
        byte[] frame = WebSocketTestClient.concat(FrameHeaders.encode(true, Frame.OP_TEXT, 5, null), hello());
        assertThat(frame).containsExactly(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f);
    }

    @Test
    void maskedHello() {
        byte[] payload = hello();
        Masking.apply(KEY, payload);
        byte[] frame = WebSocketTestClient.concat(FrameHeaders.encode(true, Frame.OP_TEXT, 5, KEY), payload);
        assertThat(frame).containsExactly(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);
        Masking.apply(KEY, payload);
        assertThat(payload).isEqualTo(hello());
    }

    @Test
    void maskingEightBytesAtATimeMatchesTheRfcsBytewiseRuleAtEveryLength() {
        byte[] key = { (byte) 0x9c, 0x01, (byte) 0xff, 0x42 };
        for (int length = 0; length <= 40; length++) {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) {
                data[i] = (byte) (i * 37 + 11);
            }
            byte[] expected = data.clone();
            for (int i = 0; i < length; i++) {
                expected[i] ^= key[i % 4]; // RFC 6455 5.3: j = i MOD 4
            }
            Masking.apply(key, data);
            assertThat(data).as("length %d", length).isEqualTo(expected);
        }
    }

    @Test
    void fragmentedUnmaskedHello() {
        assertThat(FrameHeaders.encode(false, Frame.OP_TEXT, 3, null)).containsExactly(0x01, 0x03);
        assertThat(FrameHeaders.encode(true, Frame.OP_CONTINUATION, 2, null)).containsExactly(0x80, 0x02);
    }

    @Test
    void pingAndPongHeaders() {
        assertThat(FrameHeaders.encode(true, Frame.OP_PING, 5, null)).containsExactly(0x89, 0x05);
        assertThat(FrameHeaders.encode(true, Frame.OP_PONG, 5, KEY)).containsExactly(0x8a, 0x85, 0x37, 0xfa, 0x21,
                0x3d);
    }

    @Test
    void lengthsUseTheShortestForm() {
        assertThat(FrameHeaders.encode(true, Frame.OP_BINARY, 125, null)).containsExactly(0x82, 0x7d);
        assertThat(FrameHeaders.encode(true, Frame.OP_BINARY, 256, null)).containsExactly(0x82, 0x7e, 0x01, 0x00);
        assertThat(FrameHeaders.encode(true, Frame.OP_BINARY, 65535, null)).containsExactly(0x82, 0x7e, 0xff, 0xff);
        assertThat(FrameHeaders.encode(true, Frame.OP_BINARY, 65536, null)).containsExactly(0x82, 0x7f, 0, 0, 0, 0,
                0, 1, 0, 0);
    }

    @Test
    void closePayloadRoundTripsAndAnEmptyOneMeansNoStatus() throws ProtocolViolation {
        byte[] payload = ClosePayload.encode(CloseCodes.GOING_AWAY, "bye ✓");
        assertThat(payload[0]).isEqualTo((byte) 0x03);
        assertThat(payload[1]).isEqualTo((byte) 0xe9);
        assertThat(ClosePayload.parse(payload)).isEqualTo(new Message.Close(1001, "bye ✓"));
        assertThat(ClosePayload.encode(CloseCodes.NO_STATUS, "")).isEmpty();
        assertThat(ClosePayload.parse(new byte[0])).isEqualTo(new Message.Close(CloseCodes.NO_STATUS, ""));
    }

    @Test
    void aReasonOfExactly123BytesFits() throws ProtocolViolation {
        String reason = "r".repeat(ClosePayload.MAX_REASON_BYTES);
        assertThat(ClosePayload.parse(ClosePayload.encode(4999, reason)).reason()).isEqualTo(reason);
    }

    @Test
    void validCloseCodes() {
        assertThat(CloseCodes.isValid(1000)).isTrue();
        assertThat(CloseCodes.isValid(1003)).isTrue();
        assertThat(CloseCodes.isValid(1007)).isTrue();
        assertThat(CloseCodes.isValid(1014)).isTrue();
        assertThat(CloseCodes.isValid(3000)).isTrue();
        assertThat(CloseCodes.isValid(4999)).isTrue();
        for (int reserved : new int[] { 999, 1004, 1005, 1006, 1015, 1100, 2999, 5000 }) {
            assertThat(CloseCodes.isValid(reserved)).as("%d", reserved).isFalse();
        }
    }

    private static byte[] hello() {
        return "Hello".getBytes(StandardCharsets.US_ASCII);
    }
}
