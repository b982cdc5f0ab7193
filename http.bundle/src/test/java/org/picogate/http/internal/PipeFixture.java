package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.picogate.http.HttpException;
import org.picogate.scheduler.testing.TestScheduler;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.Stream;
import org.picogate.streams.testing.Pipe;

/** An in-memory connection on a virtual clock: the test writes as the client, the code reads as the server. */
abstract class PipeFixture {
    TestScheduler scheduler;
    Pipe pipe;
    Stream client;
    Stream server;

    @BeforeEach
    void openPipe() {
        scheduler = TestScheduler.start(VirtualClock.create(), "test");
        pipe = Pipe.open(scheduler);
        client = pipe.left();
        server = pipe.right();
    }

    @AfterEach
    void closePipe() throws Exception {
        pipe.close();
        scheduler.close();
    }

    /** Sends {@code text} (each char one byte, ISO-8859-1) and ends the client's output. */
    void sendAndClose(String text) throws IOException {
        client.write(bytes(text));
        client.shutdownOutput();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The status of the {@link HttpException} {@code call} throws; fails if it throws none. */
    static int status(ThrowingCall call) {
        Throwable t = catchThrowable(call::call);
        assertThat(t).isInstanceOf(HttpException.class);
        return ((HttpException) t).status();
    }

    static String readAll(InputStream body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @FunctionalInterface
    interface ThrowingCall {
        void call() throws Exception;
    }
}
