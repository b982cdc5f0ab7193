package org.picogate.http.internal;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.picogate.http.internal.HttpTestConnection.Reply;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.testing.VirtualClock;
import org.picogate.streams.Stream;

/**
 * Tests of one HTTP connection ({@link HttpTestConnection}) on virtual time: {@link #open()} makes it before each
 * test, with the test's limits and handler; it is closed after. The client's steps are named as the tests say them.
 */
abstract class HttpConnectionFixture {
    HttpTestConnection http;
    VirtualClock clock;
    /** The client's end of the connection, for what {@link #read()} does not parse (a 100 Continue, raw lines). */
    Stream client;
    /** The task serving the connection. */
    Task<Object> server;

    /** The connection of one test. */
    abstract HttpTestConnection open();

    @BeforeEach
    void openConnection() {
        http = open();
        clock = http.clock;
        client = http.client;
        server = http.server;
    }

    @AfterEach
    void closeConnection() {
        http.close();
    }

    void send(String raw) throws IOException {
        http.send(raw);
    }

    Reply read() throws IOException {
        return http.read();
    }

    boolean serverClosedConnection() throws IOException {
        return http.serverClosed();
    }
}
