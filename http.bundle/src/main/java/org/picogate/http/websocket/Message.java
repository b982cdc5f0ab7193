package org.picogate.http.websocket;

import java.util.Objects;

/** A whole message as {@link WebSocket#receive()} returns it: text, binary, or the end of the connection. */
public sealed interface Message {

    /** A text message, decoded from valid UTF-8. */
    record Text(String text) implements Message {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A binary message; the array belongs to the receiver (equality is the array's identity, as for records). */
    record Binary(byte[] data) implements Message {
        public Binary {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * The end of the connection.
     *
     * @param code the peer's close code; {@link CloseCodes#NO_STATUS} if its close frame had none; the code this
     *        end failed the connection with; or {@link CloseCodes#ABNORMAL} if the connection ended without one
     * @param reason the peer's reason, or why this end failed the connection; empty if none
     */
    record Close(int code, String reason) implements Message {
        public Close {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
