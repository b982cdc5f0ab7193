package org.picogate.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A {@code multipart/form-data} body (RFC 7578) of text fields and files, held in memory: for the forms and
 * uploads of a gateway (a few files, each up to some megabytes). Stream bigger uploads with
 * {@link RequestBuilder#body(java.io.InputStream, String)}.
 */
public final class Multipart {
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Part(String name, String filename, String contentType, byte[] content) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final String boundary;

    private Multipart(String boundary) {
        this.boundary = boundary;
    }

    /** An empty body with a random boundary. */
    public static Multipart create() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return new Multipart("picogate-" + HexFormat.of().formatHex(random));
    }

    /** A text field, UTF-8. */
    public Multipart field(String name, String value) {
        parts.add(new Part(checked(name), null, null, value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** A file field. */
    public Multipart file(String name, String filename, String contentType, byte[] content) {
        parts.add(new Part(checked(name), checked(filename), Objects.requireNonNull(contentType, "contentType"),
                content.clone()));
        return this;
    }

    /** The {@code Content-Type} of the body, with its boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The encoded body. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(p.name()).append('"');
            if (p.filename() != null) {
                head.append("; filename=\"").append(p.filename()).append('"');
            }
            head.append("\r\n");
            if (p.contentType() != null) {
                head.append("Content-Type: ").append(p.contentType()).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes(new byte[] { '\r', '\n' });
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Names go inside quotes: quotes and line ends would break the part's head (RFC 7578 4.2). */
    private static String checked(String name) {
        Objects.requireNonNull(name, "name");
        if (name.indexOf('"') >= 0 || name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a multipart name must not hold quotes or line ends: " + name);
        }
        return name;
    }
}
