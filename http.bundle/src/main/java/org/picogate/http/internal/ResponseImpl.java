package org.picogate.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.picogate.http.Cookie;
import org.picogate.http.ErrorHandler;
import org.picogate.http.EventStream;
import org.picogate.http.HttpException;
import org.picogate.http.Response;
import org.picogate.http.internal.websocket.Handshake;
import org.picogate.http.internal.websocket.WebSocketSession;
import org.picogate.http.websocket.CloseCodes;
import org.picogate.http.websocket.WebSocket;
import org.picogate.http.websocket.WebSocketOptions;
import org.picogate.scheduler.Scheduler;
import org.picogate.streams.Stream;

/**
 * The response to one request on a connection. The head is built in one byte array and goes out with the body
 * in one gathering write; {@link HttpConnection} drains the stream after each response.
 *
 * <p>Framing: {@code send} sets {@code Content-Length}; {@code output()} holds the head back until the body ends
 * within its buffer (then a {@code Content-Length}) or outgrows it or is flushed (then chunked for HTTP/1.1,
 * close-delimited for HTTP/1.0: the connection then closes), unless a {@code Content-Length} was set. A HEAD
 * request gets the same head and no body.
 */
final class ResponseImpl implements Response, ErrorHandling {
    private static final byte[] SERVER = "Server: Picogate\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = { '\r', '\n' };

    private final Stream stream;
    private final RequestHead request;
    private final DateHeader date;
    private final FileResponder files;
    private final List<String> names = new ArrayList<>(8);
    private final List<String> values = new ArrayList<>(8);
    private int status = 200;
    private boolean keepAlive;
    private boolean committed;
    private boolean finished;
    private BodyOutput output;
    /** Whether {@link #output} is a deferred body whose head has not gone out yet: it can still be dropped. */
    private boolean headPending;
    /** The connection's upload files; {@code null} outside a server (unit tests). */
    private final ConnectionContext context = ConnectionContext.current();
    private Writer writer;
    private EventStreamImpl events;
    private ErrorHandler errorHandler = DefaultErrorHandler.INSTANCE;
    /** For a WebSocket's close timer and waits; {@code null} where no upgrade is possible (a refusal). */
    private final Scheduler scheduler;
    /** Set once the request was upgraded: the connection then carries WebSocket frames, never HTTP again. */
    private volatile WebSocketSession webSocket;
    /** Set by the retiring task; read after {@link #webSocket} is set, so one of the two starts the close. */
    private volatile boolean goingAway;

    ResponseImpl(Stream stream, RequestHead request, boolean keepAlive, DateHeader date, FileResponder files) {
        this(stream, request, keepAlive, date, files, null);
    }

    ResponseImpl(Stream stream, RequestHead request, boolean keepAlive, DateHeader date, FileResponder files,
            Scheduler scheduler) {
        this.scheduler = scheduler;
        this.stream = stream;
        this.request = request;
        this.keepAlive = keepAlive;
        this.date = date;
        this.files = files;
    }

    // ---- the API ----

    @Override
    public Response status(int status) {
        requireNotCommitted();
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200..599: " + status);
        }
        this.status = status;
        return this;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Response header(String name, String value) {
        requireNotCommitted();
        checkField(name, value);
        remove(name);
        names.add(name);
        values.add(value);
        return this;
    }

    /**
     * Sets a header the server built itself from trusted parts (a file's ETag, dates, lengths, types from its
     * table): the byte-by-byte check of {@link #checkField} was a tenth of a static file's CPU in the profile.
     */
    private void setBuiltIn(String name, String value) {
        requireNotCommitted();
        putField(name, value);
    }

    /** Sets a field with no checks: for the framing fields of a head that waited for its body's end. */
    private void putField(String name, String value) {
        remove(name);
        names.add(name);
        values.add(value);
    }

    @Override
    public Response addHeader(String name, String value) {
        requireNotCommitted();
        checkField(name, value);
        names.add(name);
        values.add(value);
        return this;
    }

    @Override
    public Response contentType(String type) {
        return header("Content-Type", type);
    }

    @Override
    public void send(byte[] body) throws IOException {
        Objects.requireNonNull(body, "body");
        requireNotCommitted();
        header("Content-Length", Integer.toString(body.length));
        byte[] head = head();
        committed = true;
        finished = true;
        if (bodyAllowed()) {
            stream.write(ByteBuffer.wrap(head), ByteBuffer.wrap(body));
        } else {
            stream.write(head);
        }
    }

    @Override
    public void send(String text) throws IOException {
        Objects.requireNonNull(text, "text");
        if (headerValue("Content-Type") == null) {
            contentType("text/plain; charset=utf-8");
        }
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public OutputStream output() throws IOException {
        if (output != null) {
            return output;
        }
        requireNotCommitted();
        String length = headerValue("Content-Length");
        committed = true; // the head is final now, even while it waits for the framing
        if (length == null) {
            BodyOutput.Framing streamed = request.minorVersion() == 1 ? BodyOutput.Framing.CHUNKED
                    : BodyOutput.Framing.UNTIL_CLOSE;
            output = BodyOutput.deferred(stream, streamed, new DeferredHead(), !bodyAllowed(),
                    () -> finished = true);
            headPending = true;
            return output;
        }
        byte[] head = head();
        output = new BodyOutput(stream, BodyOutput.Framing.LENGTH, Long.parseLong(length), !bodyAllowed(),
                () -> finished = true);
        stream.write(head);
        return output;
    }

    /** The head of a body from {@link #output()} without a declared length, built once its framing is known. */
    private final class DeferredHead implements BodyOutput.Head {
        @Override
        public byte[] withLength(long length) {
            headPending = false;
            if (status != 204 && status != 304) {
                putField("Content-Length", Long.toString(length));
            }
            return head();
        }

        @Override
        public byte[] streamed(BodyOutput.Framing streamed) {
            headPending = false;
            if (streamed == BodyOutput.Framing.CHUNKED) {
                putField("Transfer-Encoding", "chunked");
            } else {
                keepAlive = false; // HTTP/1.0 without a length: the end of the body is the end of the connection
            }
            return head();
        }
    }

    @Override
    public void sendFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        requireNotCommitted();
        files.respond(asFileReply(), file);
    }

    @Override
    public boolean committed() {
        return committed;
    }

    // ---- helpers ----

    /** How long {@link #sse()} waits in silence before a heartbeat comment (proxies often cut at 30-60 s). */
    static final Duration SSE_HEARTBEAT = Duration.ofSeconds(15);

    @Override
    public void json(Object value) throws IOException {
        byte[] body = JsonCodec.write(value);
        if (headerValue("Content-Type") == null) {
            contentType("application/json");
        }
        send(body);
    }

    @Override
    public void html(String html) throws IOException {
        Objects.requireNonNull(html, "html");
        contentType("text/html; charset=utf-8");
        send(html.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void redirect(String location) throws IOException {
        redirect(302, location);
    }

    @Override
    public void redirect(int status, String location) throws IOException {
        Objects.requireNonNull(location, "location");
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException("a redirect is 301, 302, 303, 307 or 308, not " + status);
        }
        status(status);
        header("Location", Locations.encode(location));
        send(new byte[0]);
    }

    @Override
    public Writer writer() throws IOException {
        if (writer == null) {
            if (output == null && headerValue("Content-Type") == null) {
                contentType("text/plain; charset=utf-8");
            }
            output(); // sets output
            writer = new Utf8Writer(output);
        }
        return writer;
    }

    @Override
    public Response cookie(Cookie cookie) {
        Objects.requireNonNull(cookie, "cookie");
        return addHeader("Set-Cookie", CookieHeader.setCookie(cookie));
    }

    @Override
    public EventStream sse() throws IOException {
        return sse(SSE_HEARTBEAT);
    }

    @Override
    public EventStream sse(Duration heartbeat) throws IOException {
        if (heartbeat.isNegative()) {
            throw new IllegalArgumentException("negative heartbeat");
        }
        requireNotCommitted();
        header("Content-Type", "text/event-stream");
        header("Cache-Control", "no-cache");
        header("X-Accel-Buffering", "no"); // a buffering proxy (nginx) would hold events back
        OutputStream body = output();
        body.flush(); // the head now: a client waits for it before the first event
        events = new EventStreamImpl(body, scheduler, heartbeat);
        return events;
    }

    /** The error handler {@link #sendError} calls; the router or whiteboard sets an app's own here. */
    @Override
    public void errorHandler(ErrorHandler handler) {
        errorHandler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public WebSocket webSocket(WebSocketOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        requireNotCommitted();
        if (scheduler == null) {
            throw new IllegalStateException("this response cannot upgrade its connection");
        }
        Handshake.Accepted accepted;
        try {
            accepted = Handshake.check(request.method(), request.minorVersion(), request.headers(),
                    !(request.framing() instanceof BodyFraming.None), options);
        } catch (HttpException refused) {
            header("Sec-WebSocket-Version", "13"); // RFC 6455 4.4: the version this server speaks
            if (refused.status() == 426) {
                header("Upgrade", "websocket").header("Connection", "Upgrade"); // RFC 9110 15.5.22, 7.8
            }
            throw refused;
        }
        status = 101;
        setBuiltIn("Upgrade", "websocket");
        setBuiltIn("Connection", "Upgrade");
        setBuiltIn("Sec-WebSocket-Accept", accepted.accept());
        if (accepted.subprotocol() != null) {
            setBuiltIn("Sec-WebSocket-Protocol", accepted.subprotocol());
        }
        byte[] head = head();
        committed = true;
        stream.write(head);
        stream.drain();
        WebSocketSession ws = new WebSocketSession(stream, scheduler, options, accepted.subprotocol());
        webSocket = ws;
        if (goingAway) {
            ws.goAway(); // the listener retired while the 101 went out
        }
        return ws;
    }

    /**
     * The handler failed after the head went out: a WebSocket is closed with 1011 (internal error); any other
     * answer is cut off with a reset, so that its client cannot take a partial body for a whole one.
     */
    void failAfterCommit() {
        if (webSocket != null) {
            webSocket.finish(CloseCodes.INTERNAL_ERROR, "the server failed");
        } else {
            stream.abort();
        }
    }

    /** The listener retires: a WebSocket on this response starts its closing handshake with 1001. */
    void goingAway() {
        goingAway = true;
        WebSocketSession ws = webSocket;
        if (ws != null) {
            ws.goAway();
        }
    }

    /** Whether the connection was upgraded to a WebSocket: it is closed once {@link #finish()} returns. */
    boolean upgraded() {
        return webSocket != null;
    }

    // ---- for the connection and the file sender ----

    /** This response as the static-file code sees it. */
    FileReply asFileReply() {
        return new FileReply() {
            @Override
            public String requestMethod() {
                return request.method();
            }

            @Override
            public String requestHeader(String name) {
                java.util.List<String> all = request.headers().all(name);
                return all.isEmpty() ? null : all.size() == 1 ? all.get(0) : String.join(", ", all);
            }

            @Override
            public int status() {
                return status;
            }

            @Override
            public void status(int code) {
                ResponseImpl.this.status(code);
            }

            @Override
            public boolean hasHeader(String name) {
                return headerValue(name) != null;
            }

            @Override
            public void header(String name, String value) {
                if (name.equalsIgnoreCase("Location")) {
                    ResponseImpl.this.header(name, value); // built from the request path: checked like any
                } else {
                    setBuiltIn(name, value);
                }
            }

            @Override
            public void sendHead(long contentLength) throws IOException {
                ResponseImpl.this.sendHead(contentLength);
            }

            @Override
            public void sendFileBody(java.nio.channels.FileChannel file, long position, long count)
                    throws IOException {
                ResponseImpl.this.sendFileBody(file, position, count);
            }

            @Override
            public void sendBytesBody(byte[] bytes, int offset, int length) throws IOException {
                ResponseImpl.this.sendBytesBody(bytes, offset, length);
            }
        };
    }

    /** Writes the head with this Content-Length, or none for {@code -1} (a 304); the body follows separately. */
    void sendHead(long contentLength) throws IOException {
        requireNotCommitted();
        if (contentLength >= 0) {
            header("Content-Length", Long.toString(contentLength));
        } else {
            finished = true;
        }
        byte[] head = head();
        committed = true;
        stream.write(head);
    }

    /** After {@link #sendHead}: count bytes of the file from position, zero-copy where the stream can. */
    void sendFileBody(java.nio.channels.FileChannel file, long position, long count) throws IOException {
        if (bodyAllowed() && stream.transferFrom(file, position, count) < count) {
            keepAlive = false; // the file shrank under us: the announced length cannot be met
            stream.abort();
        }
        finished = true;
    }

    /** After {@link #sendHead}: bytes of the body. */
    void sendBytesBody(byte[] bytes, int offset, int length) throws IOException {
        if (bodyAllowed()) {
            stream.write(ByteBuffer.wrap(bytes, offset, length));
        }
        finished = true;
    }

    /** Ends the response if the handler left it open: an empty 204 (or its status), or the end of its stream. */
    void finish() throws IOException {
        try {
            finishBody();
        } finally {
            if (context != null) {
                context.tempFiles().deleteAll(); // the uploads of this request
            }
        }
    }

    private void finishBody() throws IOException {
        if (events != null) {
            events.close(); // stops its heartbeat; never throws for a client that has gone
        } else if (writer != null) {
            writer.close(); // what the encoder still holds, then the body's end (a flush would force streaming)
        }
        if (webSocket != null) {
            webSocket.finish();
        } else if (output != null) {
            output.close();
        } else if (!committed) {
            if (status == 200) {
                status = 204;
            }
            if (status == 204 || status == 304) {
                byte[] head = head();
                committed = true;
                stream.write(head);
            } else {
                send(new byte[0]);
            }
        }
        finished = true;
    }

    /** Whether the connection may carry another request after this response. */
    boolean keepAlive() {
        return keepAlive;
    }

    /** Makes this the last response of the connection ({@code Connection: close}); before it is committed. */
    void closeAfter() {
        keepAlive = false;
    }

    boolean finished() {
        return finished;
    }

    private boolean bodyAllowed() {
        return !"HEAD".equals(request.method()) && status != 204 && status != 304;
    }

    /** Status line, Server, Date, the handler's headers, Connection; in one array. */
    private byte[] head() {
        StringBuilder fields = new StringBuilder(128);
        for (int i = 0; i < names.size(); i++) {
            fields.append(names.get(i)).append(": ").append(values.get(i)).append("\r\n");
        }
        if (status == 101) {
            // the upgrade's own Connection: Upgrade is among the fields
        } else if (!keepAlive) {
            fields.append("Connection: close\r\n");
        } else if (request.minorVersion() == 0) {
            fields.append("Connection: keep-alive\r\n");
        }
        byte[] statusLine = StatusLines.of(status);
        byte[] dateLine = date.line();
        byte[] rest = fields.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] head = new byte[statusLine.length + SERVER.length + dateLine.length + rest.length + 2];
        int at = 0;
        for (byte[] part : new byte[][] { statusLine, SERVER, dateLine, rest, CRLF }) {
            System.arraycopy(part, 0, head, at, part.length);
            at += part.length;
        }
        return head;
    }

    private String headerValue(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    private void remove(String name) {
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i).equalsIgnoreCase(name)) {
                names.remove(i);
                values.remove(i);
            }
        }
    }

    private void requireNotCommitted() {
        if (committed) {
            throw new IllegalStateException("the response head has been sent");
        }
    }

    /** Header names are tokens; values have no CR, LF or other control bytes but HTAB (response splitting). */
    static void checkField(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 128 || !RequestParser.isTchar((byte) c)) {
                throw new IllegalArgumentException("header name is not a token: " + name);
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("header " + name + " has a control or non-Latin-1 character");
            }
        }
    }

    /**
     * Whether any of the answer went out, its head at least. A body begun through {@code output()} or
     * {@code writer()} that is still in the body buffer, its head not sent, has not: an error page may replace it.
     */
    boolean answerStarted() {
        return committed && !headPending;
    }

    /** Drops a body begun in the buffer whose head has not gone out: nothing of it reaches the client. */
    private void dropPendingBody() {
        output = null;
        writer = null;
        headPending = false;
        committed = false;
    }

    /** An error answer, before anything was sent ({@link #answerStarted()} false). */
    void sendError(HttpException e) throws IOException {
        if (headPending) {
            dropPendingBody(); // the handler began a page, then failed: the error page goes out instead
        }
        for (int i = names.size() - 1; i >= 0; i--) { // what the handler set is dropped, but what the error needs
            String name = names.get(i);
            if (!name.equalsIgnoreCase("Allow") && !name.equalsIgnoreCase("WWW-Authenticate")
                    && !name.equalsIgnoreCase("Retry-After") && !name.equalsIgnoreCase("Sec-WebSocket-Version")
                    && !name.equalsIgnoreCase("Upgrade") && !name.equalsIgnoreCase("Connection")) {
                names.remove(i);
                values.remove(i);
            }
        }
        status = e.status();
        List<String> kept = List.copyOf(names);
        List<String> keptValues = List.copyOf(values);
        RequestImpl head = RequestImpl.headOnly(request, stream);
        if (errorHandler != DefaultErrorHandler.INSTANCE) {
            try {
                errorHandler.handle(head, this, e);
            } catch (IOException | RuntimeException failed) {
                if (committed && !headPending) {
                    throw failed; // part of its page is on the wire: only ending the connection tells the client
                }
                dropPendingBody(); // a page it began in the body buffer never went out: the default one instead
                HttpConnection.LOG.log(System.Logger.Level.WARNING, "the error handler failed for " + e.status()
                        + "; the default page went out", failed);
            }
            if (committed) {
                return;
            }
            names.clear(); // start again from what the error needs
            values.clear();
            names.addAll(kept);
            values.addAll(keptValues);
            status = e.status();
        }
        DefaultErrorHandler.INSTANCE.handle(head, this, e);
    }
}
