package org.picogate.client.internal;

import java.io.InputStream;

/** A request body: bytes known in advance (sent with Content-Length, replayable) or a stream (chunked, once). */
sealed interface RequestContent {

    String contentType();

    /** Whether it can be sent again (a retry, a 307/308 redirect). */
    boolean replayable();

    record Bytes(byte[] content, String contentType) implements RequestContent {
        @Override
        public boolean replayable() {
            return true;
        }
    }

    record Streamed(InputStream content, String contentType) implements RequestContent {
        @Override
        public boolean replayable() {
            return false;
        }
    }
}
