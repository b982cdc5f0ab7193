package org.picogate.http.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import org.picogate.http.Headers;

/**
 * The access log: one line per request, answered or refused, in the combined log format of Apache and nginx
 * with the duration appended:
 *
 * <pre>
 * 127.0.0.1 - - [29/Nov/2026:22:40:01 +0000] "GET /index.html HTTP/1.1" 200 12234 "-" "ApacheBench/2.3" 153
 * </pre>
 *
 * remote address, (no identity, no user), time the answer ended, request line ({@code "-"} for a request refused
 * before its request line was read), status, bytes sent for it (head and body), {@code Referer},
 * {@code User-Agent}, and microseconds from the request's first byte to its answer's last byte. Quotes and
 * backslashes in the quoted fields are escaped with a backslash, and control characters as {@code \xHH}, so a
 * client cannot forge a line.
 *
 * <p>Off by default (config key {@code accessLog}); while it is off the connection loop does not call it at all
 * (no clock read, no allocation per request).
 */
final class AccessLog {
    /** Name of the OSGi logger the lines go to, at INFO. */
    static final String LOGGER_NAME = "org.picogate.http.access";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private final Consumer<String> sink;
    private final Clock wallClock;

    /**
     * @param sink where each line goes (the logger)
     * @param wallClock the time stamped on each line
     */
    AccessLog(Consumer<String> sink, Clock wallClock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /**
     * Logs one request.
     *
     * @param head the request, or {@code null} if it was refused before its head could be parsed
     */
    void request(SocketAddress remote, RequestHead head, int status, long bytesSent, long micros) {
        sink.accept(line(remote, head, status, bytesSent, micros));
    }

    String line(SocketAddress remote, RequestHead head, int status, long bytesSent, long micros) {
        StringBuilder line = new StringBuilder(160);
        line.append(address(remote)).append(" - - [")
                .append(TIME.format(ZonedDateTime.ofInstant(wallClock.instant(), ZoneOffset.UTC))).append("] ");
        if (head == null) {
            line.append("\"-\"");
        } else {
            line.append('"');
            escaped(line, head.method());
            line.append(' ');
            escaped(line, head.target());
            line.append(' ').append(head.version()).append('"');
        }
        line.append(' ').append(status).append(' ').append(bytesSent).append(' ');
        quoted(line, head == null ? null : head.headers(), "Referer");
        line.append(' ');
        quoted(line, head == null ? null : head.headers(), "User-Agent");
        line.append(' ').append(micros);
        return line.toString();
    }

    private static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return remote == null ? "-" : remote.toString();
    }

    private static void quoted(StringBuilder line, Headers headers, String name) {
        String value = headers == null ? null : headers.first(name);
        line.append('"');
        escaped(line, value == null ? "-" : value);
        line.append('"');
    }

    private static void escaped(StringBuilder line, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                line.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                line.append(c);
            }
        }
    }
}
