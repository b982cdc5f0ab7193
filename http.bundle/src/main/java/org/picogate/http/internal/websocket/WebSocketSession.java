package org.picogate.http.internal.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.http.websocket.CloseCodes;
import org.picogate.http.websocket.Message;
import org.picogate.http.websocket.WebSocket;
import org.picogate.http.websocket.WebSocketOptions;
import org.picogate.scheduler.CancelledException;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Timer;
import org.picogate.streams.Stream;

/**
 * A server's WebSocket connection over a stream, after the opening handshake.
 *
 * <p>Two locks, because a stream may be read by one task while another writes: {@link #receiving} lets one task
 * at a time read frames (a receiver, or {@link #close} waiting for the peer's close frame), {@link #sending} keeps
 * frames whole and guards the closing state. The closing handshake (RFC 6455 7): whoever sends the first close
 * frame sets {@link #closeSent}; nothing but the answering close goes out after it. When this end started it, a
 * timer on the scheduler's clock aborts the connection if the peer's close frame is not in within the close
 * timeout. When the peer's close frame arrives (answered if this end had not sent one), or the peer broke the
 * protocol (answered with the code), the server closes the TCP connection first, as RFC 6455 7.1.1 asks.
 * {@link #end} is set once, with what {@link #receive()} reports; then {@link #ended} wakes a {@code close()}
 * that waited while another task was receiving.
 *
 * <p>The heartbeat, when configured, is a timer every period that compares {@link #framesIn} with what it saw
 * the period before: nothing new means a ping (written by a short task, as a write may block), and nothing new
 * again after a ping means the peer is gone: the connection is aborted.
 */
public final class WebSocketSession implements WebSocket {
    private final Stream stream;
    private final Scheduler scheduler;
    private final Duration closeTimeout;
    private final Duration heartbeat;
    private final String subprotocol;
    private final FrameReader reader;
    private final MessageAssembler assembler;
    private final ReentrantLock receiving = new ReentrantLock();
    private final ReentrantLock sending = new ReentrantLock();
    private final Event ended;

    private volatile boolean closeSent;
    private volatile Message.Close end;
    /** Set by a timer (close timeout, heartbeat) before it aborts the stream: what the failed read reports. */
    private volatile Message.Close abortedBecause;
    /** Guarded by {@link #receiving}. */
    private boolean endReported;
    /** Guarded by {@link #sending}. */
    private Timer closeTimer;

    /** Frames read so far; written by the receiving task only. */
    private volatile long framesIn;
    /** Heartbeat state, touched by its timer callbacks only (one after another). */
    private long framesAtLastBeat;
    private boolean pinged;
    private volatile Timer heartbeatTimer;

    /**
     * @param stream the connection, after the 101 answer went out
     * @param subprotocol as agreed in the handshake, or {@code null}
     */
    public WebSocketSession(Stream stream, Scheduler scheduler, WebSocketOptions options, String subprotocol) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.closeTimeout = options.closeTimeout();
        this.subprotocol = subprotocol;
        this.reader = new FrameReader(stream, true);
        this.assembler = new MessageAssembler(options.maxMessageSize());
        this.ended = scheduler.event();
        this.heartbeat = options.heartbeat();
        if (!heartbeat.isZero()) {
            heartbeatTimer = scheduler.callLater(heartbeat, this::beat);
        }
    }

    @Override
    public Message receive() throws IOException {
        receiving.lock();
        try {
            while (end == null) {
                Message message = step();
                if (message != null && !closeSent) {
                    return message;
                } // while closing, data is dropped: only the peer's close frame counts
            }
            if (endReported) {
                return null;
            }
            endReported = true;
            return end;
        } finally {
            receiving.unlock();
        }
    }

    @Override
    public void sendText(String text) throws IOException {
        send(Frame.OP_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendBinary(byte[] data) throws IOException {
        send(Frame.OP_BINARY, Objects.requireNonNull(data, "data"));
    }

    @Override
    public void ping(byte[] payload) throws IOException {
        if (payload.length > Frame.MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException("a ping carries at most 125 bytes: " + payload.length);
        }
        send(Frame.OP_PING, payload);
    }

    @Override
    public void close(int code, String reason) throws IOException {
        if (!CloseCodes.isValid(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent");
        }
        byte[] payload = ClosePayload.encode(code, Objects.requireNonNull(reason, "reason"));
        sending.lock();
        try {
            if (!closeSent) {
                closeSent = true;
                closeTimer = scheduler.callLater(closeTimeout, this::closeTimedOut);
                writeFrame(Frame.OP_CLOSE, payload);
            }
        } catch (IOException failed) {
            endLocked(new Message.Close(CloseCodes.ABNORMAL, "sending the close frame failed"), false);
            throw failed;
        } finally {
            sending.unlock();
        }
        awaitEnd();
    }

    @Override
    public String subprotocol() {
        return subprotocol;
    }

    @Override
    public boolean isOpen() {
        return !closeSent && end == null;
    }

    /**
     * Ends the WebSocket when its handler has returned: closes it with 1000 if it is still open (waiting for the
     * peer's close frame as {@link #close} does), and makes sure the connection is closed.
     */
    public void finish() {
        finish(CloseCodes.NORMAL, "");
    }

    /** As {@link #finish()}, closing with {@code code}: 1011 when the handler failed. */
    public void finish(int code, String reason) {
        try {
            if (end == null) {
                close(code, reason);
            }
        } catch (IOException failed) {
            // the connection failed while closing: it is aborted below
        } finally {
            end(new Message.Close(CloseCodes.ABNORMAL, "the handler ended"), false);
        }
    }

    /**
     * The server is going away (its listener retires): starts the closing handshake with 1001 in a task of its
     * own, as the caller must not wait for the peer. The handler's {@code receive()} then returns the peer's close.
     */
    public void goAway() {
        if (!isOpen()) {
            return;
        }
        try {
            scheduler.spawn("websocket going away", () -> {
                try {
                    close(CloseCodes.GOING_AWAY, "the server is going away");
                } catch (IOException failed) {
                    // the connection failed meanwhile: it is ended already
                }
            });
        } catch (RejectedExecutionException closing) { // the scheduler itself is stopping
            abort(new Message.Close(CloseCodes.ABNORMAL, "the server is going away"));
        }
    }

    // ---- reading ----

    /**
     * Reads and handles one frame; returns the message it completed, or {@code null}. Ends the connection when
     * the peer's close frame arrives, the peer breaks the protocol, or the stream fails.
     */
    private Message step() {
        try {
            Frame frame = reader.read(assembler.allowance());
            framesIn++;
            switch (frame.opcode()) {
                case Frame.OP_PING -> pong(frame.payload());
                case Frame.OP_PONG -> { } // an answer to our ping, or unsolicited (5.5.3): nothing to do
                case Frame.OP_CLOSE -> closeReceived(ClosePayload.parse(frame.payload()));
                default -> {
                    return assembler.add(frame);
                }
            }
        } catch (ProtocolViolation violation) {
            fail(violation.closeCode(), violation.getMessage());
        } catch (IOException dropped) {
            Message.Close because = abortedBecause;
            end(because != null ? because
                    : new Message.Close(CloseCodes.ABNORMAL, "the connection ended without a close frame"), false);
        } catch (CancelledException cancelled) { // the read was cancelled: the stream is aborted
            end(new Message.Close(CloseCodes.ABNORMAL, "cancelled"), false);
            throw cancelled;
        }
        return null;
    }

    /** The peer's close frame: answered with its code unless this end sent one first; then the end. */
    private void closeReceived(Message.Close close) {
        sending.lock();
        try {
            if (!closeSent) {
                closeSent = true;
                writeFrame(Frame.OP_CLOSE, ClosePayload.encode(close.code(), ""));
            }
            endLocked(close, true);
        } catch (IOException failed) {
            endLocked(close, false);
        } finally {
            sending.unlock();
        }
    }

    /** Fails the connection (RFC 6455 7.1.7): a close frame with the code, unless one was sent, then the end. */
    private void fail(int code, String reason) {
        sending.lock();
        try {
            if (!closeSent) {
                closeSent = true;
                writeFrame(Frame.OP_CLOSE, ClosePayload.encode(code, reason));
            }
            endLocked(new Message.Close(code, reason), true);
        } catch (IOException failed) {
            endLocked(new Message.Close(code, reason), false);
        } finally {
            sending.unlock();
        }
    }

    /** While this end waits for the closing handshake: a receiver reads the peer's close frame, or this task. */
    private void awaitEnd() {
        if (receiving.tryLock()) {
            try {
                while (end == null) {
                    step();
                }
            } finally {
                receiving.unlock();
            }
        } else {
            ended.await(); // the receiving task reads the close frame; the close timer bounds the wait
        }
    }

    private void closeTimedOut() {
        abort(new Message.Close(CloseCodes.ABNORMAL, "no close frame from the peer within " + closeTimeout));
    }

    /** A timer gave up on the peer. */
    private void abort(Message.Close because) {
        abortedBecause = because;
        stream.abort(); // first, without the lock: it ends a write blocked on a peer that stopped reading
        end(because, false);
    }

    private void beat() {
        if (end != null) {
            return;
        }
        long frames = framesIn;
        if (frames != framesAtLastBeat) {
            pinged = false;
        } else if (pinged) {
            abort(new Message.Close(CloseCodes.ABNORMAL, "no answer to a ping within " + heartbeat));
            return;
        } else {
            pinged = true;
            scheduler.spawn("websocket heartbeat ping", () -> {
                try {
                    control(Frame.OP_PING, new byte[0]);
                } catch (IOException failed) {
                    // the receiving task sees the broken connection
                }
            });
        }
        framesAtLastBeat = frames;
        heartbeatTimer = scheduler.callLater(heartbeat, this::beat);
    }

    // ---- writing ----

    private void send(int opcode, byte[] payload) throws IOException {
        sending.lock();
        try {
            if (closeSent) {
                throw new IOException("the WebSocket is " + (end == null ? "closing" : "closed"));
            }
            writeFrame(opcode, payload);
        } finally {
            sending.unlock();
        }
    }

    private void pong(byte[] payload) throws IOException {
        control(Frame.OP_PONG, payload);
    }

    /** A control frame that is not needed once closing (a pong, the heartbeat's ping). */
    private void control(int opcode, byte[] payload) throws IOException {
        sending.lock();
        try {
            if (!closeSent) {
                writeFrame(opcode, payload);
            }
        } finally {
            sending.unlock();
        }
    }

    /** One whole frame, header and payload in one gathering write, drained. Under {@link #sending}. */
    private void writeFrame(int opcode, byte[] payload) throws IOException {
        byte[] header = FrameHeaders.encode(true, opcode, payload.length, null);
        stream.write(ByteBuffer.wrap(header), ByteBuffer.wrap(payload));
        stream.drain();
    }

    // ---- the end ----

    private void end(Message.Close result, boolean graceful) {
        sending.lock();
        try {
            endLocked(result, graceful);
        } finally {
            sending.unlock();
        }
    }

    /**
     * Records the end once and closes the connection: gracefully (our frames drained, FIN, a bounded wait for
     * the peer's) after a closing handshake, else with a reset.
     */
    private void endLocked(Message.Close result, boolean graceful) {
        if (end != null) {
            return;
        }
        closeSent = true;
        end = result;
        if (closeTimer != null) {
            closeTimer.cancel();
        }
        Timer beat = heartbeatTimer;
        if (beat != null) {
            beat.cancel();
        }
        if (graceful) {
            stream.close();
        } else {
            stream.abort();
        }
        ended.set();
    }
}
