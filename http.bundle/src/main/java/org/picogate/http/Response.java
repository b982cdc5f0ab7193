package org.picogate.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;
import org.picogate.http.websocket.WebSocket;
import org.picogate.http.websocket.WebSocketOptions;

/**
 * The answer to one request. Set the status and headers, then send the body in one of three ways: all at once
 * ({@link #send(byte[])}), streamed ({@link #output()}, chunked unless a {@code Content-Length} was set), or a
 * file ({@link #sendFile(Path)}). Headers can no longer change once the body has started ({@link #committed()}).
 */
@ProviderType
public interface Response {

    /** Sets the status code (100..599 excluded 1xx: 200..599); default 200. */
    Response status(int status);

    int status();

    /** Sets a header, replacing earlier values. Names and values are checked: no CR, LF or other control bytes. */
    Response header(String name, String value);

    /** Adds a header value, keeping earlier ones (such as {@code Set-Cookie}). */
    Response addHeader(String name, String value);

    /** Sets {@code Content-Type}. */
    Response contentType(String type);

    /** Sends {@code body} as the whole body with its {@code Content-Length}, in one write with the head. */
    void send(byte[] body) throws IOException;

    /** Sends {@code text} encoded as UTF-8; sets {@code text/plain; charset=utf-8} unless a type was set. */
    void send(String text) throws IOException;

    /**
     * A stream for the body; closing it ends the response. Without a {@code Content-Length} set, up to 8 KiB are
     * held back: a body that ends within them goes out with its length, in one write with the head; a longer one,
     * or one flushed ({@link OutputStream#flush()}: use it to send early), is streamed chunked (close-delimited
     * for HTTP/1.0). The headers are final once this is called.
     */
    OutputStream output() throws IOException;

    /**
     * Accepts the request's WebSocket handshake (RFC 6455): answers 101 Switching Protocols (with the
     * subprotocol chosen from {@code options}, and the headers set so far) and returns the connection as a
     * {@link WebSocket}. It lives as long as this handler runs: when the handler returns, a WebSocket still open is
     * closed with 1000, and the connection ends.
     *
     * @throws HttpException 426 if the request does not ask to upgrade to WebSocket version 13, 400 if its handshake
     *         is malformed (not a GET, no {@code Connection: Upgrade}, a bad {@code Sec-WebSocket-Key}, a body);
     *         both answers carry {@code Sec-WebSocket-Version: 13}
     * @throws IllegalStateException if the response is committed
     */
    WebSocket webSocket(WebSocketOptions options) throws IOException;

    /** {@code webSocket(WebSocketOptions.defaults())}. */
    default WebSocket webSocket() throws IOException {
        return webSocket(WebSocketOptions.defaults());
    }

    /**
     * Sends a file: {@code Content-Type} by extension, {@code ETag} and {@code Last-Modified}, conditional and
     * range requests of the current request honoured.
     *
     * @throws HttpException 404 if it is not a readable regular file
     */
    void sendFile(Path file) throws IOException;

    /** Whether the head has been written (headers and status are final). */
    boolean committed();

    // ---- helpers ----

    /** Sends {@code value} as JSON (jackson-jr), with {@code Content-Type: application/json} (picoweb's jsonify). */
    void json(Object value) throws IOException;

    /** Sends {@code html} encoded as UTF-8 with {@code Content-Type: text/html; charset=utf-8}. */
    void html(String html) throws IOException;

    /** Redirects with 302 Found to {@code location} (a URL, absolute or relative; non-ASCII is percent-encoded). */
    void redirect(String location) throws IOException;

    /**
     * Redirects with {@code status}: 301, 302, 303 (see other, after a POST), 307 or 308 (method and body kept).
     *
     * @throws IllegalArgumentException for another status
     */
    void redirect(int status, String location) throws IOException;

    /**
     * A writer for a text body in UTF-8, streamed as {@link #output()} is; sets {@code text/plain; charset=utf-8}
     * unless a type was set. Closing it ends the response. It encodes straight into the body's buffer, and the
     * two are one body: text written here and bytes written to {@link #output()} in turn stay in order (so a
     * template's pre-encoded text can go to one and its values to the other).
     */
    Writer writer() throws IOException;

    /** Adds a {@code Set-Cookie} header for {@code cookie}. */
    Response cookie(Cookie cookie);

    /**
     * Starts server-sent events with a heartbeat comment every 15 seconds of silence: status 200,
     * {@code Content-Type: text/event-stream}, {@code Cache-Control: no-cache}, streamed.
     */
    EventStream sse() throws IOException;

    /** As {@link #sse()}, with a heartbeat after {@code heartbeat} of silence ({@link Duration#ZERO}: none). */
    EventStream sse(Duration heartbeat) throws IOException;
}
