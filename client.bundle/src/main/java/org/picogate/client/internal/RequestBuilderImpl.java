package org.picogate.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.picogate.client.ClientResponse;
import org.picogate.client.Multipart;
import org.picogate.client.RequestBuilder;

import com.fasterxml.jackson.jr.ob.JSON;

/** Collects one request and sends it through its session. */
final class RequestBuilderImpl implements RequestBuilder {
    /** Fields the client writes itself from the URL and the body. */
    private static final Set<String> RESERVED = Set.of("host", "content-length", "transfer-encoding", "expect");

    private final SessionImpl session;
    private final String method;
    private final String url;
    private final List<String> headers = new ArrayList<>(4);
    private StringBuilder query;
    private RequestContent content;
    private boolean expectContinue;
    private Duration timeout;
    private boolean followRedirects = true;

    RequestBuilderImpl(SessionImpl session, String method, String url) {
        this.session = session;
        this.method = checkToken(Objects.requireNonNull(method, "method"), "method").toUpperCase(Locale.ROOT);
        this.url = Objects.requireNonNull(url, "url");
    }

    @Override
    public RequestBuilder header(String name, String value) {
        checkToken(Objects.requireNonNull(name, "name"), "header name");
        Objects.requireNonNull(value, "value");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("invalid character in the value of header " + name);
            }
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(name + " is set by the client (from the URL and the body)");
        }
        headers.add(name);
        headers.add(value);
        return this;
    }

    @Override
    public RequestBuilder query(String name, String value) {
        if (query == null) {
            query = new StringBuilder();
        } else {
            query.append('&');
        }
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public RequestBuilder body(byte[] bytes, String contentType) {
        content = new RequestContent.Bytes(bytes.clone(), contentType);
        return this;
    }

    @Override
    public RequestBuilder text(String text) {
        content = new RequestContent.Bytes(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        return this;
    }

    @Override
    public RequestBuilder json(Object value) throws IOException {
        content = new RequestContent.Bytes(JSON.std.asBytes(value), "application/json");
        return this;
    }

    @Override
    public RequestBuilder form(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!s.isEmpty()) {
                s.append('&');
            }
            s.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        content = new RequestContent.Bytes(s.toString().getBytes(StandardCharsets.US_ASCII),
                "application/x-www-form-urlencoded");
        return this;
    }

    @Override
    public RequestBuilder multipart(Multipart multipart) {
        content = new RequestContent.Bytes(multipart.toBytes(), multipart.contentType());
        return this;
    }

    @Override
    public RequestBuilder body(InputStream in, String contentType) {
        content = new RequestContent.Streamed(Objects.requireNonNull(in, "content"), contentType);
        return this;
    }

    @Override
    public RequestBuilder expectContinue(boolean expect) {
        this.expectContinue = expect;
        return this;
    }

    @Override
    public RequestBuilder timeout(Duration total) {
        if (total.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + total);
        }
        this.timeout = total;
        return this;
    }

    @Override
    public RequestBuilder followRedirects(boolean follow) {
        this.followRedirects = follow;
        return this;
    }

    @Override
    public ClientResponse send() throws IOException {
        OutgoingRequest request = new OutgoingRequest(method, resolve(), List.copyOf(headers), content,
                expectContinue && content != null);
        if (content instanceof RequestContent.Streamed) {
            content = null; // sent once: a second send() has no body rather than a consumed stream
        }
        return session.send(request, timeout != null ? timeout : session.options().totalTimeout(), followRedirects);
    }

    /** The absolute URL: against the base URL, with the query parameters added. */
    URI resolve() {
        URI target;
        try {
            URI given = new URI(url);
            URI base = session.options().baseUrl();
            target = base != null ? base.resolve(given) : given;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url + " (" + e.getMessage() + ")", e);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || target.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http or https URL: " + target);
        }
        if (query != null) {
            String raw = target.getRawQuery() == null ? query.toString() : target.getRawQuery() + "&" + query;
            try {
                target = new URI(scheme + "://" + target.getRawAuthority() + (target.getRawPath() == null ? ""
                        : target.getRawPath()) + "?" + raw);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("cannot add the query to " + target, e);
            }
        }
        return target;
    }

    private static String checkToken(String s, String what) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty " + what);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                throw new IllegalArgumentException("invalid character in the " + what + ": " + s);
            }
        }
        return s;
    }
}
