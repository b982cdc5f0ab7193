package org.picogate.http.internal.websocket;

/**
 * One frame as read from the wire, unmasked (RFC 6455 5.2).
 *
 * @param fin whether this is the last frame of its message
 * @param opcode one of the {@code OP_} constants
 * @param payload the application data, unmasked
 */
record Frame(boolean fin, int opcode, byte[] payload) {
    static final int OP_CONTINUATION = 0x0;
    static final int OP_TEXT = 0x1;
    static final int OP_BINARY = 0x2;
    static final int OP_CLOSE = 0x8;
    static final int OP_PING = 0x9;
    static final int OP_PONG = 0xA;
    /** Longest payload of a control frame (5.5). */
    static final int MAX_CONTROL_PAYLOAD = 125;

    static boolean isControl(int opcode) {
        return (opcode & 0x8) != 0;
    }

    static boolean isKnown(int opcode) {
        return opcode <= OP_BINARY || (opcode >= OP_CLOSE && opcode <= OP_PONG);
    }
}
