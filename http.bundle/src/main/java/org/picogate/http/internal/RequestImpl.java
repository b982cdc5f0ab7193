package org.picogate.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.picogate.http.Headers;
import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.internal.routing.PathParameters;
import org.picogate.streams.Stream;

/**
 * A request as a handler sees it: the parsed head, and the body read from the connection only when asked for.
 * With {@code Expect: 100-continue}, the interim {@code 100 Continue} goes out when the body is first read, so a
 * client is never asked to send a body the handler does not want.
 */
final class RequestImpl implements Request, PathParameters {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final RequestHead head;
    private final Stream stream;
    private final long maxBody;
    private InputStream body;
    private Map<String, String> params = Map.of();

    RequestImpl(RequestHead head, Stream stream, long maxBody) {
        this.head = head;
        this.stream = stream;
        this.maxBody = maxBody;
    }

    @Override
    public String method() {
        return head.method();
    }

    @Override
    public String target() {
        return head.target();
    }

    @Override
    public String path() {
        return head.path();
    }

    @Override
    public String rawQuery() {
        return head.rawQuery();
    }

    @Override
    public String version() {
        return head.version();
    }

    @Override
    public String param(String name) {
        return params.get(name);
    }

    @Override
    public void pathParameters(Map<String, String> values) {
        params = values;
    }

    @Override
    public Headers headers() {
        return head.headers();
    }

    @Override
    public byte[] body() throws IOException {
        return bodyStream().readAllBytes();
    }

    @Override
    public InputStream bodyStream() {
        if (body == null) {
            if (head.expectContinue() && !(head.framing() instanceof BodyFraming.None)) {
                try {
                    stream.write(CONTINUE);
                    stream.drain();
                } catch (IOException e) {
                    throw new HttpException(400, "the client went away before sending its body");
                }
            }
            body = RequestParser.body(stream, head, maxBody);
        }
        return body;
    }

    /** Whether the body has been opened (and so the connection is aligned only once it is read to the end). */
    boolean bodyOpened() {
        return body != null;
    }

    /**
     * Reads and drops what the handler left of the body, at most {@code limit} bytes; returns whether the body
     * is now fully read, so that the next request starts where expected.
     */
    boolean skipRest(long limit) throws IOException {
        if (head.framing() instanceof BodyFraming.None) {
            return true;
        }
        if (body == null) {
            if (head.expectContinue()) {
                return false; // never asked for: the client may not send it at all, so the stream is unaligned
            }
            body = RequestParser.body(stream, head, maxBody);
        }
        long skipped = 0;
        byte[] sink = new byte[4096];
        try {
            for (int n; (n = body.read(sink)) >= 0;) {
                skipped += n;
                if (skipped > limit) {
                    return false;
                }
            }
        } catch (HttpException unreadable) {
            // A body the handler never read may still break a rule (over maxBody, bad chunk framing) once we
            // read it here, after the answer went out: nobody is left to answer, so the connection just ends
            // unaligned. Letting the exception escape failed the connection task before the answer was drained.
            return false;
        }
        return true;
    }

    @Override
    public SocketAddress remoteAddress() {
        return stream.remoteAddress();
    }

    RequestHead head() {
        return head;
    }
}
