package org.picogate.http.internal.websocket;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.picogate.http.websocket.CloseCodes;
import org.picogate.http.websocket.Message;

/**
 * Joins the data frames of one message (RFC 6455 5.4): a text or binary frame starts it, continuation frames
 * extend it, the frame with FIN ends it. A continuation with no message started, or a new message before the
 * last one ended, breaks the protocol. Control frames never come here, so they may arrive between fragments.
 *
 * <p>The fragments of a text message are checked as UTF-8 as they arrive (up to a character split between two
 * fragments), so a client streaming invalid text is failed at once rather than after its last fragment.
 */
final class MessageAssembler {
    private final int maxMessageSize;
    /** {@link Frame#OP_TEXT} or {@link Frame#OP_BINARY} while a message is open; -1 between messages. */
    private int type = -1;
    private byte[] data = new byte[0];
    private int size;
    /** Bytes of the open text message known to be UTF-8: up to the start of a character not complete yet. */
    private int validated;
    private final CharsetDecoder validator = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Where the validator's output goes, to be thrown away. */
    private final CharBuffer discarded = CharBuffer.allocate(256);

    MessageAssembler(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /** Bytes the next data frame may carry without the message passing the limit. */
    long allowance() {
        return maxMessageSize - (long) size;
    }

    /**
     * Adds a data frame.
     *
     * @return the message it completed, or {@code null} if more fragments are to come
     */
    Message add(Frame frame) throws ProtocolViolation {
        if (frame.opcode() == Frame.OP_CONTINUATION) {
            if (type < 0) {
                throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "continuation frame without a message");
            }
        } else if (type >= 0) {
            throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "new message before the fragmented one ended");
        } else {
            type = frame.opcode();
        }
        if (frame.payload().length > allowance()) { // the reader checks too; this keeps the class safe alone
            throw new ProtocolViolation(CloseCodes.MESSAGE_TOO_BIG, "message larger than the limit");
        }
        int opcode = type;
        if (frame.fin() && size == 0) { // the common case, one unfragmented frame: no copy
            type = -1;
            return message(opcode, frame.payload(), frame.payload().length);
        }
        append(frame.payload());
        if (!frame.fin()) {
            if (opcode == Frame.OP_TEXT) {
                validateSoFar();
            }
            return null;
        }
        byte[] whole = data;
        int length = size;
        type = -1;
        data = new byte[0];
        size = 0;
        validated = 0;
        return message(opcode, whole, length);
    }

    private void validateSoFar() throws ProtocolViolation {
        if (validated == 0) {
            validator.reset();
        }
        ByteBuffer in = ByteBuffer.wrap(data, validated, size - validated);
        CoderResult result;
        do {
            discarded.clear();
            result = validator.decode(in, discarded, false); // a split character stays in the input: underflow
            if (result.isError()) {
                throw new ProtocolViolation(CloseCodes.INVALID_DATA, "text message is not valid UTF-8");
            }
        } while (result.isOverflow());
        validated = in.position();
    }

    private void append(byte[] bytes) {
        if (size + bytes.length > data.length) {
            data = Arrays.copyOf(data, Math.max(size + bytes.length, Math.min(maxMessageSize, data.length * 2)));
        }
        System.arraycopy(bytes, 0, data, size, bytes.length);
        size += bytes.length;
    }

    private static Message message(int opcode, byte[] bytes, int length) throws ProtocolViolation {
        if (opcode == Frame.OP_TEXT) {
            return new Message.Text(Utf8.decode(bytes, 0, length, "text message"));
        }
        return new Message.Binary(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
    }
}
