package org.picogate.http.internal.robustness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One row of the robustness table: the raw bytes a client sends, the statuses of the answers it must get in
 * order (none: "no answer"), whether the server must then close the connection or keep it for the next request,
 * optionally the first answer's body (the test handler answers {@code METHOD path bodyLength}, which shows how the
 * server framed the request), and whether the client half-closes after sending (for input that ends early).
 */
final class RobustnessCase {
    final String name;
    final String source;
    final byte[] raw;
    int[] statuses = {};
    boolean closes;
    boolean halfClose;
    String firstBody;

    private RobustnessCase(String name, String source, byte[] raw) {
        this.name = name;
        this.source = source;
        this.raw = raw;
    }

    /** {@code raw} as ISO-8859-1: every char is one byte, so NUL, CR, VT and obs-text go out as written. */
    static RobustnessCase send(String name, String source, String raw) {
        return new RobustnessCase(name, source, raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The answers' statuses, then the server closes the connection. */
    RobustnessCase answersThenCloses(int... expected) {
        statuses = expected;
        closes = true;
        return this;
    }

    /** The answers' statuses, then the connection serves a next request. */
    RobustnessCase answersKeepsOpen(int... expected) {
        statuses = expected;
        closes = false;
        return this;
    }

    /** No answer at all; the server closes the connection. */
    RobustnessCase noAnswerCloses() {
        statuses = new int[0];
        closes = true;
        return this;
    }

    RobustnessCase withBody(String expected) {
        firstBody = expected;
        return this;
    }

    /** The client shuts its output (FIN) after the bytes: input that ends there. */
    RobustnessCase thenFin() {
        halfClose = true;
        return this;
    }

    @Override
    public String toString() {
        return name + " -> " + (statuses.length == 0 ? "no answer" : Arrays.toString(statuses))
                + (closes ? ", closed" : ", kept open") + " [" + source + "]";
    }
}
