package org.picogate.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.Stream;
import org.picogate.streams.testing.Pipe;

/**
 * When writes are buffered and when they go out at once; {@link Stream#bytesOut()} counts the bytes handed to
 * the transport, so it shows which.
 */
class BufferedStreamWriteTest {
    private final TestScheduler scheduler = TestScheduler.start(VirtualClock.create(), "write-test");
    private final Pipe pipe = Pipe.open(scheduler);
    private final Stream writer = pipe.right();
    private final Stream reader = pipe.left();

    @AfterEach
    void close() {
        pipe.close();
        scheduler.close();
    }

    private static byte[] filled(int length, char c) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) c);
        return b;
    }

    @Test
    void smallWritesWaitForDrain() throws Exception {
        writer.write(filled(100, 'h'));
        writer.write(filled(BufferedStream.BIG_WRITE - 1, 'b'));
        assertThat(writer.bytesOut()).isZero();
        writer.drain();
        assertThat(writer.bytesOut()).isEqualTo(100 + BufferedStream.BIG_WRITE - 1);
    }

    @Test
    void aBigWriteGoesOutAtOnceAfterWhatIsBufferedInOrder() throws Exception {
        byte[] head = filled(100, 'h');
        byte[] body = filled(12000, 'b');
        writer.write(head);
        writer.write(body); // as an HTTP head and a cached file's body
        assertThat(writer.bytesOut()).isEqualTo(12100);
        byte[] read = reader.readExactly(12100);
        assertThat(Arrays.copyOfRange(read, 0, 100)).isEqualTo(head);
        assertThat(Arrays.copyOfRange(read, 100, 12100)).isEqualTo(body);
    }

    @Test
    void aBigWriteThatFitsTheBufferAsItIsIsBuffered() throws Exception {
        for (int i = 0; i < 3; i++) {
            writer.write(filled(1000, 's')); // small writes grow the buffer to 4000 bytes
        }
        writer.drain();
        long before = writer.bytesOut();
        writer.write(filled(1500, 'b'));
        assertThat(writer.bytesOut()).isEqualTo(before);
        writer.drain();
        assertThat(writer.bytesOut()).isEqualTo(before + 1500);
    }
}
