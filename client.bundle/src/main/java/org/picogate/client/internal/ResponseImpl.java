package org.picogate.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.picogate.client.BodyTooLargeException;
import org.picogate.client.ClientResponse;
import org.picogate.client.Headers;
import org.picogate.client.HttpProtocolException;

import com.fasterxml.jackson.jr.ob.JSON;

/**
 * A response handed to the caller, and the end of its exchange: when its body ends the connection goes back to
 * the pool (or is closed, when the server or the framing says so), and when it fails the connection is
 * discarded; either way once. The total deadline is cancelled then too, once the response is the final one.
 */
final class ResponseImpl implements ClientResponse, BodyEvents {
    private final ConnectionPool pool;
    private final PooledConnection connection;
    private final ResponseHead head;
    private final URI url;
    private final boolean keepAlive;
    private final boolean gzip;
    private final long maxBodyBytes;
    /** Bytes the framing says the body has, -1 if it does not say (chunked, until close). */
    private final long framedLength;
    private final Exchange exchange;
    private final ResponseBody body;
    private List<URI> history = List.of();
    private Deadline deadline;
    private boolean over;
    private InputStream decoded;

    ResponseImpl(Exchange exchange, PooledConnection connection, ResponseHead head, URI url, boolean keepAlive,
            BodyFraming framing, boolean gzip, long maxBodyBytes) {
        this.exchange = exchange;
        this.pool = exchange.pool();
        this.connection = connection;
        this.head = head;
        this.url = url;
        this.keepAlive = keepAlive;
        // a HEAD, 204 or 304 answer (or Content-Length: 0) may name the coding of a body it does not carry
        this.gzip = gzip && framing.kind() != BodyFraming.Kind.EMPTY;
        this.maxBodyBytes = maxBodyBytes;
        this.framedLength = switch (framing.kind()) {
            case EMPTY -> 0;
            case FIXED -> framing.length();
            default -> -1;
        };
        this.body = framing.open(connection.stream, this, url);
    }

    /** Makes this the final response of its exchange: the deadline is cancelled when the body ends. */
    void handOver(List<URI> history, Deadline deadline) {
        this.history = List.copyOf(history);
        synchronized (this) {
            if (over) {
                deadline.cancel();
            } else {
                this.deadline = deadline;
            }
        }
    }

    // ---- BodyEvents ----

    @Override
    public void completed(boolean reusable) {
        exchange.detach(connection);
        if (reusable && keepAlive) {
            pool.release(connection);
        } else {
            pool.discard(connection, true);
        }
        finish();
    }

    @Override
    public IOException failed(IOException cause, String during) {
        exchange.detach(connection);
        pool.discard(connection, false);
        IOException translated = exchange.translate(cause, url, during);
        finish();
        return translated;
    }

    private void finish() {
        Deadline d;
        synchronized (this) {
            over = true;
            d = deadline;
        }
        if (d != null) {
            d.cancel();
        }
    }

    // ---- ClientResponse ----

    @Override
    public int status() {
        return head.status();
    }

    @Override
    public String reason() {
        return head.reason();
    }

    @Override
    public Headers headers() {
        return head.headers();
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public List<URI> history() {
        return history;
    }

    @Override
    public InputStream body() {
        if (decoded == null) {
            decoded = gzip ? new LazyGzip(body) : body;
        }
        return decoded;
    }

    @Override
    public byte[] bytes() throws IOException {
        // the framing's length, not the Content-Length field: a HEAD answer (or a chunked one) may carry any value
        long length = gzip ? -1 : framedLength;
        if (length > maxBodyBytes) {
            close();
            throw new BodyTooLargeException(url, maxBodyBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length >= 0 ? (int) length : 512);
        InputStream in = body();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (out.size() + (long) n > maxBodyBytes) {
                close();
                throw new BodyTooLargeException(url, maxBodyBytes);
            }
            out.write(buffer, 0, n);
        }
        drainRaw();
        return out.toByteArray();
    }

    /** After a gzip member ended, the framing may still hold its end: read it so the connection is released. */
    private void drainRaw() throws IOException {
        byte[] rest = new byte[64];
        while (!body.ended() && body.read(rest) >= 0) {
            // trailing bytes after the gzip stream are ignored, like the JDK's GZIPInputStream does
        }
    }

    @Override
    public String text() throws IOException {
        return new String(bytes(), charset());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T json(Class<T> type) throws IOException {
        byte[] bytes = bytes();
        try {
            if (type == Map.class) {
                return (T) JSON.std.mapFrom(bytes);
            }
            if (type == List.class) {
                return (T) JSON.std.listFrom(bytes);
            }
            return JSON.std.beanFrom(type, bytes);
        } catch (IOException e) {
            throw new IOException("response body of " + url + " is not JSON for " + type.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        body.close();
    }

    /** The {@code charset} parameter of {@code Content-Type}, else UTF-8. */
    Charset charset() {
        String type = head.headers().value("Content-Type");
        if (type != null) {
            for (String param : type.split(";")) {
                String p = param.strip();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    String name = p.substring(8).strip();
                    if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
                        name = name.substring(1, name.length() - 1);
                    }
                    try {
                        return Charset.forName(name.toLowerCase(Locale.ROOT));
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    @Override
    public String toString() {
        return head.status() + " " + head.reason() + " " + url;
    }

    /**
     * Gzip decoding that reads the gzip header on the first read, not when the body is asked for. What the
     * decoder itself throws (a bad header or data, a gzip stream longer than its framed body) is the server's
     * protocol error; failures of the body under it come through as they are.
     */
    private final class LazyGzip extends InputStream {
        private final ResponseBody raw;
        private GZIPInputStream gzip;

        LazyGzip(ResponseBody raw) {
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n;
            while ((n = read(one, 0, 1)) == 0) {
                // len is 1: zero is not returned, but loop rather than assume
            }
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                if (gzip == null) {
                    gzip = new GZIPInputStream(raw, 4096);
                }
                return gzip.read(b, off, len);
            } catch (java.util.zip.ZipException e) {
                throw malformed("the body is not gzip or is corrupt: " + e.getMessage());
            } catch (java.io.EOFException e) {
                // the body beneath throws the client's exceptions, never this one: the framed body ended (its
                // framing satisfied) before the gzip stream did
                throw malformed("the body ends within its gzip stream");
            }
        }

        private HttpProtocolException malformed(String problem) {
            raw.close();
            return new HttpProtocolException(url, "Content-Encoding: gzip, but " + problem, null);
        }

        @Override
        public void close() {
            raw.close();
        }
    }
}
