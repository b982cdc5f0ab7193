package org.picogate.client.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;

import javax.net.ssl.SSLException;

import org.picogate.client.ConnectTimeoutException;
import org.picogate.client.HttpClientException;
import org.picogate.client.ReadTimeoutException;
import org.picogate.client.ServerDisconnectedException;
import org.picogate.client.TlsException;

/**
 * Turns what the streams threw into the exception that says what failed. The order matters: a passed total
 * deadline explains any failure after it (its timer aborted the stream), a read timeout is a timeout before it
 * is a socket error.
 */
final class Failures {
    private Failures() {
    }

    /**
     * Whether {@code e} says the peer went: end of input, a reset, a broken pipe. Socket channels report the last
     * two as plain {@link IOException}s whose message is the system's ("Connection reset by peer", "Broken pipe").
     */
    static boolean isDisconnect(IOException e) {
        if (e instanceof EOFException || e instanceof SocketException || e instanceof ClosedChannelException) {
            return true;
        }
        String message = e.getMessage();
        return e.getClass() == IOException.class && message != null && (message.contains("Broken pipe")
                || message.contains("Connection reset"));
    }

    /** A failure while connecting. */
    static IOException connecting(IOException e, URI url, Deadline deadline, Duration connectTimeout) {
        if (deadline.expired()) {
            return deadline.exceeded(url, "connecting", e);
        }
        if (e instanceof HttpClientException) {
            return e;
        }
        if (e instanceof SSLException) {
            return new TlsException(url, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new ConnectTimeoutException(url, connectTimeout, e);
        }
        return e; // ConnectException, UnknownHostException: the JDK's say what failed
    }

    /** A failure while sending the request or reading the response. */
    static IOException exchanging(IOException e, URI url, Deadline deadline, Duration readTimeout, String during) {
        if (deadline.expired()) {
            return deadline.exceeded(url, during, e);
        }
        if (e instanceof HttpClientException) {
            return e;
        }
        if (e instanceof org.picogate.streams.ReadTimeoutException) {
            return new ReadTimeoutException(url, readTimeout, e);
        }
        if (e instanceof SSLException) {
            return new TlsException(url, e);
        }
        if (e instanceof BodyCutShortException) {
            return new ServerDisconnectedException(url, e.getMessage() + " (" + url + ")", e);
        }
        if (isDisconnect(e)) {
            return new ServerDisconnectedException(url, "the connection broke while " + during + " (" + url + "): "
                    + e, e);
        }
        return e;
    }
}
