package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class FixedLengthBodyStreamTest extends PipeFixture {

    @Test
    void readsExactlyTheLengthAndLeavesTheRest() throws IOException {
        sendAndClose("helloGET");
        FixedLengthBodyStream body = new FixedLengthBodyStream(server, 5, 100);
        assertThat(readAll(body)).isEqualTo("hello");
        assertThat(body.isFinished()).isTrue();
        assertThat(body.remaining()).isZero();
        assertThat(server.read(10)).containsExactly(bytes("GET"));
    }

    @Test
    void aZeroLengthBodyIsEmptyAndReadsNothing() throws IOException {
        sendAndClose("GET");
        FixedLengthBodyStream body = new FixedLengthBodyStream(server, 0, 100);
        assertThat(body.read()).isEqualTo(-1);
        assertThat(server.read(10)).containsExactly(bytes("GET"));
    }

    @Test
    void aShortBodyIsAnEofExceptionEveryTime() throws IOException {
        sendAndClose("hel");
        FixedLengthBodyStream body = new FixedLengthBodyStream(server, 5, 100);
        byte[] buffer = new byte[10];
        assertThat(body.read(buffer)).isEqualTo(3);
        assertThatThrownBy(() -> body.read(buffer)).isInstanceOf(EOFException.class);
        assertThatThrownBy(body::read).isInstanceOf(EOFException.class);
        assertThat(body.isFinished()).isFalse();
    }

    @Test
    void bodyExactlyAtMaxBodyIsAccepted() throws IOException {
        sendAndClose("0123456789");
        assertThat(readAll(new FixedLengthBodyStream(server, 10, 10))).isEqualTo("0123456789");
    }

    @Test
    void bodyOverMaxBodyIs413AtTheFirstReadAndTakesNothing() throws IOException {
        sendAndClose("0123456789X");
        FixedLengthBodyStream body = new FixedLengthBodyStream(server, 11, 10);
        assertThat(status(body::read)).isEqualTo(413);
        assertThat(server.read(20)).hasSize(11);
    }

    @Test
    void readsOneByteAtATime() throws IOException {
        sendAndClose("ab");
        FixedLengthBodyStream body = new FixedLengthBodyStream(server, 2, 10);
        assertThat(body.read()).isEqualTo('a');
        assertThat(body.read()).isEqualTo('b');
        assertThat(body.read()).isEqualTo(-1);
    }

    @Test
    void rejectsANegativeLength() {
        assertThatThrownBy(() -> new FixedLengthBodyStream(server, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
