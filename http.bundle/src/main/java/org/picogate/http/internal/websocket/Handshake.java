package org.picogate.http.internal.websocket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import org.picogate.http.Headers;
import org.picogate.http.HttpException;
import org.picogate.http.websocket.WebSocketOptions;

/**
 * The server's side of the opening handshake (RFC 6455 4.2): checks that a request asks for a WebSocket and
 * computes the answer's {@code Sec-WebSocket-Accept} and subprotocol.
 *
 * <p>A request that does not ask to upgrade at all gets 426 Upgrade Required (RFC 9110 15.5.22: the answer names
 * the protocol in {@code Upgrade}); a version other than 13 gets 426 too (4.4); an upgrade request that is
 * malformed gets 400. The caller adds {@code Sec-WebSocket-Version: 13} (and for 426 {@code Upgrade}) to either.
 */
public final class Handshake {
    /** What RFC 6455 appends to the client's key before hashing (1.3). */
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /**
     * A handshake accepted.
     *
     * @param accept the {@code Sec-WebSocket-Accept} value
     * @param subprotocol the {@code Sec-WebSocket-Protocol} to answer, or {@code null}
     */
    public record Accepted(String accept, String subprotocol) {
    }

    private Handshake() {
    }

    /**
     * Checks a request's handshake.
     *
     * @param minorVersion 1 for HTTP/1.1
     * @param hasBody whether the request announced a body (a handshake has none: its bytes would be read as
     *        frames)
     * @throws HttpException 426 if the request does not ask for WebSocket version 13, 400 if it is malformed
     */
    public static Accepted check(String method, int minorVersion, Headers headers, boolean hasBody,
            WebSocketOptions options) {
        if (!hasToken(headers.all("Upgrade"), "websocket")) {
            throw new HttpException(426, "this resource is a WebSocket: upgrade to websocket");
        }
        if (!"GET".equals(method)) {
            throw new HttpException(400, "a WebSocket handshake is a GET request");
        }
        if (minorVersion < 1) {
            throw new HttpException(400, "a WebSocket handshake needs HTTP/1.1");
        }
        if (!hasToken(headers.all("Connection"), "upgrade")) {
            throw new HttpException(400, "a WebSocket handshake needs Connection: Upgrade");
        }
        List<String> versions = headers.all("Sec-WebSocket-Version");
        if (versions.size() != 1 || !"13".equals(versions.get(0).strip())) {
            throw new HttpException(426, "only WebSocket version 13 is supported");
        }
        List<String> keys = headers.all("Sec-WebSocket-Key");
        if (keys.size() != 1 || !isKey(keys.get(0).strip())) {
            throw new HttpException(400, "Sec-WebSocket-Key must be one base64 value of 16 bytes");
        }
        if (hasBody) {
            throw new HttpException(400, "a WebSocket handshake has no body");
        }
        return new Accepted(accept(keys.get(0).strip()), subprotocol(headers.all("Sec-WebSocket-Protocol"),
                options.subprotocols()));
    }

    /** {@code Sec-WebSocket-Accept} for a key: base64 of the SHA-1 of the key and the GUID. */
    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static boolean isKey(String key) {
        if (key.length() != 24) { // 16 bytes are 24 base64 characters, the last two "=="
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** The first protocol the client offers, in its order, that the server speaks; or {@code null}. */
    private static String subprotocol(List<String> offered, List<String> supported) {
        for (String field : offered) {
            for (String protocol : field.split(",")) {
                String p = protocol.strip();
                if (supported.contains(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Whether a comma-separated list header has {@code token} among its elements, ignoring case. */
    private static boolean hasToken(List<String> fields, String token) {
        for (String field : fields) {
            for (String element : field.split(",")) {
                if (element.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
