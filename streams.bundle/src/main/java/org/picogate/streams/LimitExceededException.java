package org.picogate.streams;

import java.io.IOException;

/** A read would have to buffer more than its maximum; the stream keeps what it had buffered. */
public class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int limit;

    public LimitExceededException(String what, int limit) {
        super(what + " longer than " + limit + " bytes");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
