package org.picogate.http.websocket;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a handler accepts a WebSocket.
 *
 * @param maxMessageSize bytes of the largest message accepted, fragments joined (a text message counts its UTF-8
 *        bytes); a client that sends a larger one is closed with {@link CloseCodes#MESSAGE_TOO_BIG} before the
 *        excess is read. Default 1 MiB, the HTTP server's default {@code maxBody}.
 * @param subprotocols the subprotocols this endpoint speaks ({@code Sec-WebSocket-Protocol}); the first one the
 *        client offers, in the client's order, is chosen; none if the client offers none of these (the client
 *        then decides whether to go on). Default: none.
 * @param closeTimeout how long, on the scheduler's clock, the closing handshake waits for the peer's close frame
 *        before the connection is closed anyway. Default 5 s.
 * @param heartbeat finds peers that went away without a word (a gateway's clients on flaky links): when no frame
 *        has come in for this long, on the scheduler's clock, the server sends a ping; when none comes in for as
 *        long again, the connection is aborted and {@link WebSocket#receive()} reports
 *        {@link CloseCodes#ABNORMAL}. Frames count when a task reads them, so a handler that stops receiving for
 *        two periods looks dead too. {@link Duration#ZERO} (the default): none.
 */
public record WebSocketOptions(int maxMessageSize, List<String> subprotocols, Duration closeTimeout,
        Duration heartbeat) {
    private static final WebSocketOptions DEFAULTS = new WebSocketOptions(1 << 20, List.of(), Duration.ofSeconds(5),
            Duration.ZERO);

    public WebSocketOptions {
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be positive: " + maxMessageSize);
        }
        subprotocols = List.copyOf(subprotocols);
        for (String protocol : subprotocols) {
            if (!isToken(protocol)) {
                throw new IllegalArgumentException("a subprotocol is a token: '" + protocol + "'");
            }
        }
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (closeTimeout.isNegative() || closeTimeout.isZero()) {
            throw new IllegalArgumentException("closeTimeout must be positive: " + closeTimeout);
        }
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (heartbeat.isNegative()) {
            throw new IllegalArgumentException("heartbeat must not be negative: " + heartbeat);
        }
    }

    /** 1 MiB messages, no subprotocols, 5 s close timeout, no heartbeat. */
    public static WebSocketOptions defaults() {
        return DEFAULTS;
    }

    public WebSocketOptions withMaxMessageSize(int bytes) {
        return new WebSocketOptions(bytes, subprotocols, closeTimeout, heartbeat);
    }

    public WebSocketOptions withSubprotocols(String... protocols) {
        return new WebSocketOptions(maxMessageSize, List.of(protocols), closeTimeout, heartbeat);
    }

    public WebSocketOptions withCloseTimeout(Duration timeout) {
        return new WebSocketOptions(maxMessageSize, subprotocols, timeout, heartbeat);
    }

    public WebSocketOptions withHeartbeat(Duration period) {
        return new WebSocketOptions(maxMessageSize, subprotocols, closeTimeout, period);
    }

    /** RFC 9110 5.6.2 token: what {@code Sec-WebSocket-Protocol} values must be. */
    private static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }
}
