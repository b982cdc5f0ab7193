package org.picogate.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.picogate.client.ClientResponse;
import org.picogate.client.ClientSession;
import org.picogate.client.HttpClient;

/**
 * Gogo command {@code picogate:get URL}: status line, headers and the first KB of the body, as a quick check
 * from the gateway's shell. Uses one session of this bundle's client, with the configured defaults.
 */
@Component(service = GetCommand.class,
        property = { "osgi.command.scope=picogate", "osgi.command.function=get" })
public final class GetCommand {
    static final int SHOWN_BODY_BYTES = 1024;

    private final ClientSession session;

    @Activate
    public GetCommand(@Reference HttpClient client) {
        this.session = client.session();
    }

    @Descriptor("GETs a URL and prints the status, the headers and the first KB of the body")
    public String get(@Descriptor("http:// or https:// URL") String url) {
        try (ClientResponse response = session.get(url)) {
            return render(response);
        } catch (IOException | IllegalArgumentException e) {
            return "picogate:get " + url + " failed: " + e;
        }
    }

    static String render(ClientResponse response) throws IOException {
        StringBuilder out = new StringBuilder();
        if (!response.history().isEmpty()) {
            out.append("(redirected from ").append(response.history().get(0)).append(")\n");
        }
        out.append(response.status()).append(' ').append(response.reason()).append("  ").append(response.url())
                .append('\n');
        for (Map.Entry<String, String> h : response.headers().entries()) {
            out.append(h.getKey()).append(": ").append(h.getValue()).append('\n');
        }
        out.append('\n');
        InputStream body = response.body();
        byte[] first = body.readNBytes(SHOWN_BODY_BYTES);
        boolean more = body.read() >= 0;
        Charset charset = ((ResponseImpl) response).charset();
        out.append(new String(first, charset));
        if (more) {
            out.append("\n... (first ").append(SHOWN_BODY_BYTES).append(" bytes shown)");
        }
        return out.toString();
    }

    @Deactivate
    void deactivate() {
        session.close();
    }
}
