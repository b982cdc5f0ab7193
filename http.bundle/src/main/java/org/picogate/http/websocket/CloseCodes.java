package org.picogate.http.websocket;

/** Close codes of RFC 6455 7.4.1 and the IANA registry. Applications may also use 4000..4999 privately. */
public final class CloseCodes {
    /** The purpose of the connection is fulfilled. */
    public static final int NORMAL = 1000;
    /** The server is going down, or a browser left the page. */
    public static final int GOING_AWAY = 1001;
    /** The peer broke the protocol. */
    public static final int PROTOCOL_ERROR = 1002;
    /** A type of data the endpoint cannot accept (such as binary for a text-only endpoint). */
    public static final int UNSUPPORTED_DATA = 1003;
    /** Reported, never sent: the peer's close frame had no code. */
    public static final int NO_STATUS = 1005;
    /** Reported, never sent: the connection ended without a close frame. */
    public static final int ABNORMAL = 1006;
    /** Data that does not match its type, such as text that is not UTF-8. */
    public static final int INVALID_DATA = 1007;
    /** A message that violates the endpoint's policy. */
    public static final int POLICY_VIOLATION = 1008;
    /** A message larger than the endpoint accepts ({@link WebSocketOptions#maxMessageSize()}). */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** The server hit an unexpected condition. */
    public static final int INTERNAL_ERROR = 1011;
    /** The service restarts: the client may reconnect. */
    public static final int SERVICE_RESTART = 1012;
    /** The service is overloaded: the client should try again later. */
    public static final int TRY_AGAIN_LATER = 1013;

    private CloseCodes() {
    }

    /**
     * Whether {@code code} may appear in a close frame: 1000..1003, 1007..1014 (registered), 3000..4999
     * (libraries and applications). 1004 and 1015 are reserved; 1005 and 1006 only report.
     */
    public static boolean isValid(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
