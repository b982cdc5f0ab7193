package org.picogate.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.picogate.client.HttpProtocolException;

/**
 * The request a redirect asks for (RFC 9110 15.4): 303 turns any method but HEAD into a GET without body; 301 and
 * 302 turn a POST into a GET without body (what every browser does, and aiohttp); 307 and 308 keep the method and
 * the body, which must be replayable. Across origins (scheme, host or port) {@code Authorization} and
 * {@code Cookie} fields of the caller are dropped, so credentials for one host never reach another.
 */
final class Redirects {
    private Redirects() {
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * The next request, or {@code null} when the redirect cannot be followed (a target that is not http(s), a
     * streamed body to send again): the redirect response is then returned as it is.
     *
     * @throws HttpProtocolException if the Location is not a URI reference
     */
    static OutgoingRequest follow(OutgoingRequest request, int status, String location) throws HttpProtocolException {
        URI target;
        try {
            target = request.url().resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new HttpProtocolException(request.url(), "malformed Location in a " + status + " response",
                    HttpProtocolException.bytes(location));
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || target.getHost() == null) {
            return null;
        }
        if (target.getRawFragment() != null) { // never sent; RFC 9110 10.2.2 lets it be inherited, we drop it
            try {
                target = new URI(target.getScheme(), target.getRawAuthority(), target.getRawPath(),
                        target.getRawQuery(), null);
            } catch (URISyntaxException e) {
                throw new HttpProtocolException(request.url(), "malformed Location", HttpProtocolException.bytes(
                        location));
            }
        }
        String method = request.method();
        RequestContent content = request.content();
        boolean dropBody = (status == 303 && !method.equals("HEAD")) || ((status == 301 || status == 302)
                && method.equals("POST"));
        if (dropBody) {
            method = status == 303 || method.equals("POST") ? "GET" : method;
            content = null;
        } else if (content != null && !content.replayable()) {
            return null;
        }
        boolean sameOrigin = Endpoint.of(target).equals(Endpoint.of(request.url()));
        List<String> headers = new ArrayList<>(request.headers().size());
        for (int i = 0; i < request.headers().size(); i += 2) {
            String name = request.headers().get(i);
            boolean credential = name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Cookie")
                    || name.equalsIgnoreCase("Proxy-Authorization");
            boolean bodyField = content == null && (name.equalsIgnoreCase("Content-Type")
                    || name.equalsIgnoreCase("Content-Encoding"));
            if ((credential && !sameOrigin) || bodyField) {
                continue;
            }
            headers.add(name);
            headers.add(request.headers().get(i + 1));
        }
        return new OutgoingRequest(method, target, headers, content, request.expectContinue() && content != null);
    }
}
