/**
 * WebSocket (RFC 6455) for handlers of {@code org.picogate.http}, in the style of aiohttp's
 * {@code WebSocketResponse}: a handler calls {@link org.picogate.http.Response#webSocket(WebSocketOptions)}, which
 * checks the opening handshake (400 or 426 if it is not one) and answers 101, and then talks to the client through
 * the returned {@link org.picogate.http.websocket.WebSocket} with blocking calls in its own task:
 *
 * <pre>{@code
 * Handler echo = (request, response) -> {
 *     try (WebSocket ws = response.webSocket(WebSocketOptions.defaults().withMaxMessageSize(64 * 1024))) {
 *         for (Message m = ws.receive(); !(m instanceof Message.Close); m = ws.receive()) {
 *             switch (m) {
 *                 case Message.Text text -> ws.sendText("echo: " + text.text());
 *                 case Message.Binary binary -> ws.sendBinary(binary.data());
 *                 default -> { }
 *             }
 *         }
 *     } // closes with 1000 unless the peer closed (or the connection failed) first
 * };
 * }</pre>
 *
 * <p>The protocol is handled below the API: pings are answered, fragments joined, control frames between
 * fragments served, and every rule the client must follow checked (masking, reserved bits, opcodes, control
 * frame size, UTF-8 of text, close codes, the message size limit); a client that breaks one is closed with the
 * code RFC 6455 gives for it. The WebSocket lives as long as the handler: when the handler returns, an open one is
 * closed with 1000.
 */
@Export
@Version("1.0.0")
package org.picogate.http.websocket;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
