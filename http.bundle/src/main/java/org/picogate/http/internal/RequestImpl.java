package org.picogate.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.picogate.http.Form;
import org.picogate.http.Headers;
import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.internal.forms.FormData;
import org.picogate.http.internal.forms.FormLimits;
import org.picogate.http.internal.forms.MultipartParser;
import org.picogate.http.internal.forms.QueryStrings;
import org.picogate.http.internal.forms.TempFiles;
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
    /** The connection's deadline and the time a body read may wait; {@code null} for a head-only view (never reads). */
    private final ConnectionDeadline deadline;
    private final Duration bodyTimeout;
    private Map<String, String> params = Map.of();
    /** The label of the route that answers it, for the metrics; {@code null} while none does. */
    private String route;
    private final FormLimits formLimits;
    /** Where uploads go: the connection's (deleted after the answer), or this request's own outside a server. */
    private final TempFiles tempFiles;
    /** A view for an error handler: the head only, the body is not to be read (the connection owns what is left). */
    private final boolean headOnly;
    private Map<String, List<String>> query;
    private Form form;
    private byte[] json;
    private Map<String, String> cookies;

    /**
     * A request on a served connection: each body read must progress within {@code bodyTimeout}; its query and
     * form are bounded by {@code formLimits}.
     */
    RequestImpl(RequestHead head, Stream stream, long maxBody, ConnectionDeadline deadline, Duration bodyTimeout,
            FormLimits formLimits) {
        this(head, stream, maxBody, deadline, bodyTimeout, formLimits, false);
    }

    private RequestImpl(RequestHead head, Stream stream, long maxBody, ConnectionDeadline deadline,
            Duration bodyTimeout, FormLimits formLimits, boolean headOnly) {
        this.head = head;
        this.stream = stream;
        this.maxBody = maxBody;
        this.deadline = deadline;
        this.bodyTimeout = bodyTimeout;
        this.formLimits = formLimits;
        this.headOnly = headOnly;
        ConnectionContext context = ConnectionContext.current();
        this.tempFiles = context == null ? new TempFiles() : context.tempFiles();
    }

    /** The head of a request without its body, for an error handler. */
    static RequestImpl headOnly(RequestHead head, Stream stream) {
        return new RequestImpl(head, stream, 0, null, null, FormLimits.DEFAULTS, true);
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
    public void matched(String routeLabel) {
        route = routeLabel;
    }

    /** The label of the route that answered it, or {@code null} if no route did. */
    String route() {
        return route;
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
        if (headOnly) {
            throw new IllegalStateException("an error handler cannot read the request body");
        }
        if (body == null) {
            if (head.expectContinue() && !(head.framing() instanceof BodyFraming.None)) {
                try {
                    stream.write(CONTINUE);
                    stream.drain();
                } catch (IOException e) {
                    throw new HttpException(400, "the client went away before sending its body");
                }
            }
            body = openBody();
        }
        return body;
    }

    private InputStream openBody() {
        return new TimedBodyStream(RequestParser.body(stream, head, maxBody), deadline, bodyTimeout);
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
            body = openBody();
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

    // ---- helpers: query, form, JSON, cookies ----

    @Override
    public String query(String name) {
        List<String> values = queryMap().get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public List<String> queryAll(String name) {
        return queryMap().getOrDefault(name, List.of());
    }

    @Override
    public Map<String, List<String>> queryMap() {
        if (query == null) {
            query = QueryStrings.parseQuery(head.rawQuery(), formLimits.maxParameters());
        }
        return query;
    }

    @Override
    public Form form() throws IOException {
        if (form == null) {
            MediaType type = MediaType.parse(header("Content-Type"));
            if (type.essence().equals("application/x-www-form-urlencoded")) {
                byte[] b = body();
                form = FormData.ofFields(QueryStrings.parse(b, 0, b.length, formLimits.maxParameters(), 413));
            } else if (type.essence().equals("multipart/form-data")) {
                form = MultipartParser.parse(bodyStream(), type.parameter("boundary"), formLimits, tempFiles);
            } else if (type.essence().isEmpty() && head.framing() instanceof BodyFraming.None) {
                form = FormData.ofFields(Map.of()); // nothing was submitted (a GET)
            } else {
                throw new HttpException(415, "a form is application/x-www-form-urlencoded or multipart/form-data"
                        + (type.essence().isEmpty() ? "" : ", not " + type.essence()));
            }
        }
        return form;
    }

    @Override
    public <T> T json(Class<T> type) throws IOException {
        return JsonCodec.read(jsonBody(), type);
    }

    @Override
    public Object json() throws IOException {
        return JsonCodec.read(jsonBody());
    }

    /** The body, once the content type says it is JSON; kept, so that a handler may read it as JSON twice. */
    private byte[] jsonBody() throws IOException {
        if (json == null) {
            MediaType type = MediaType.parse(header("Content-Type"));
            if (!type.isJson()) {
                throw new HttpException(415, "expected application/json"
                        + (type.essence().isEmpty() ? "" : ", not " + type.essence()));
            }
            json = body();
        }
        return json;
    }

    @Override
    public String cookie(String name) {
        return cookies().get(name);
    }

    @Override
    public Map<String, String> cookies() {
        if (cookies == null) {
            cookies = CookieHeader.parse(head.headers().all("Cookie"));
        }
        return cookies;
    }

    /** The temporary files of this request's uploads (the connection's when it runs in a server). */
    TempFiles tempFiles() {
        return tempFiles;
    }
}
