package org.picogate.streams;

import java.io.EOFException;

/** Input ended before a read was complete; {@link #partial()} holds what did arrive. */
public class IncompleteReadException extends EOFException {
    private static final long serialVersionUID = 1L;
    private final byte[] partial;
    private final int expected;

    /** @param expected bytes the read needed, or -1 where it waited for a separator */
    public IncompleteReadException(byte[] partial, int expected) {
        super(expected < 0 ? "input ended after " + partial.length + " bytes, before the separator"
                : "input ended after " + partial.length + " of " + expected + " bytes");
        this.partial = partial.clone();
        this.expected = expected;
    }

    public byte[] partial() {
        return partial.clone();
    }

    public int expected() {
        return expected;
    }
}
