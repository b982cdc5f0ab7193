package org.picogate.http.internal.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.picogate.streams.Stream;

/**
 * The client's end of a WebSocket in tests: sends frames built bit by bit (so that tests can break every rule)
 * and reads the server's frames with the production reader in client mode (which insists they are unmasked).
 */
public final class WebSocketTestClient {
    public static final int CONTINUATION = Frame.OP_CONTINUATION;
    public static final int TEXT = Frame.OP_TEXT;
    public static final int BINARY = Frame.OP_BINARY;
    public static final int CLOSE = Frame.OP_CLOSE;
    public static final int PING = Frame.OP_PING;
    public static final int PONG = Frame.OP_PONG;
    /** The masking key of RFC 6455 5.7's examples. */
    private static final byte[] KEY = { 0x37, (byte) 0xfa, 0x21, 0x3d };

    /** A frame the server sent. */
    public record Received(boolean fin, int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The code of a close frame; 1005 for an empty one. */
        public int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }

        public String closeReason() {
            return payload.length < 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    private final Stream stream;
    private final FrameReader reader;

    public WebSocketTestClient(Stream stream) {
        this.stream = stream;
        this.reader = new FrameReader(stream, false);
    }

    /** A masked frame, as a client sends it. */
    public static byte[] frame(boolean fin, int opcode, byte[] payload) {
        byte[] header = FrameHeaders.encode(fin, opcode, payload.length, KEY);
        byte[] masked = payload.clone();
        Masking.apply(KEY, masked);
        return concat(header, masked);
    }

    /** An unmasked frame: what a client must never send. */
    public static byte[] unmaskedFrame(boolean fin, int opcode, byte[] payload) {
        return concat(FrameHeaders.encode(fin, opcode, payload.length, null), payload);
    }

    public static byte[] text(String text) {
        return frame(true, TEXT, utf8(text));
    }

    public static byte[] close(int code, String reason) {
        return frame(true, CLOSE, ClosePayload.encode(code, reason));
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    /** Sends bytes (frames, or anything) and drains them. */
    public void send(byte[]... frames) throws IOException {
        for (byte[] frame : frames) {
            stream.write(frame);
        }
        stream.drain();
    }

    /** The server's next frame. */
    public Received read() throws IOException {
        Frame frame = reader.read(Long.MAX_VALUE);
        return new Received(frame.fin(), frame.opcode(), frame.payload());
    }

    /** Whether the server ended the connection: nothing more comes (end of input or a reset). */
    public boolean serverEnded() throws IOException {
        try {
            return stream.read(1).length == 0;
        } catch (IOException reset) {
            return true;
        }
    }
}
