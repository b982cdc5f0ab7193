package org.picogate.http.internal.websocket;

import java.io.IOException;

import org.picogate.http.websocket.CloseCodes;
import org.picogate.streams.Stream;

/**
 * Reads frames from a stream and checks what RFC 6455 5.2 to 5.5 asks of each one by itself: no reserved bits
 * (no extension is ever negotiated), known opcodes, masking by the client and none by the server, control frames
 * unfragmented and at most 125 bytes, a 64-bit length with its top bit clear, and a data payload within what is
 * left of the message size limit (checked from the header, before the payload is read).
 */
final class FrameReader {
    private final Stream stream;
    private final boolean fromClient;

    /**
     * @param fromClient {@code true} on a server (client frames must be masked), {@code false} on a client
     *        (server frames must not be)
     */
    FrameReader(Stream stream, boolean fromClient) {
        this.stream = stream;
        this.fromClient = fromClient;
    }

    /**
     * The next frame.
     *
     * @param dataAllowance bytes a data frame may still carry: what the message size limit leaves
     * @throws ProtocolViolation if the frame breaks a rule, with its close code
     * @throws IOException if the stream fails or ends inside a frame
     *         ({@link org.picogate.streams.IncompleteReadException})
     */
    Frame read(long dataAllowance) throws IOException {
        byte[] head = stream.readExactly(2);
        int b0 = head[0] & 0xff;
        int b1 = head[1] & 0xff;
        boolean fin = (b0 & 0x80) != 0;
        if ((b0 & 0x70) != 0) {
            throw protocolError("reserved bits set (RSV1-3) without a negotiated extension");
        }
        int opcode = b0 & 0x0f;
        if (!Frame.isKnown(opcode)) {
            throw protocolError("unknown opcode 0x" + Integer.toHexString(opcode));
        }
        boolean masked = (b1 & 0x80) != 0;
        if (masked != fromClient) {
            throw protocolError(fromClient ? "client frame not masked" : "server frame masked");
        }
        long length = b1 & 0x7f;
        if (Frame.isControl(opcode)) {
            if (!fin) {
                throw protocolError("fragmented control frame");
            }
            if (length > Frame.MAX_CONTROL_PAYLOAD) {
                throw protocolError("control frame longer than 125 bytes");
            }
        } else if (length == 126) {
            length = readUnsigned(2);
        } else if (length == 127) {
            length = readUnsigned(8);
            if (length < 0) {
                throw protocolError("64-bit payload length with its most significant bit set");
            }
        }
        if (!Frame.isControl(opcode) && length > dataAllowance) {
            throw new ProtocolViolation(CloseCodes.MESSAGE_TOO_BIG, "message larger than the limit");
        }
        byte[] mask = masked ? stream.readExactly(4) : null;
        byte[] payload = length == 0 ? new byte[0] : stream.readExactly((int) length);
        if (mask != null) {
            Masking.apply(mask, payload);
        }
        return new Frame(fin, opcode, payload);
    }

    private long readUnsigned(int bytes) throws IOException {
        long value = 0;
        for (byte b : stream.readExactly(bytes)) {
            value = (value << 8) | (b & 0xff);
        }
        return value;
    }

    private static ProtocolViolation protocolError(String message) {
        return new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, message);
    }
}
