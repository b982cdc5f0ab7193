package org.picogate.http.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code Content-Type} by file extension: a compact built-in table of what a gateway's web UI serves.
 *
 * <p>Extensions match without regard to case. Every {@code text/*} type carries {@code charset=utf-8} (static text
 * on the gateway is UTF-8; without the parameter browsers guess). Types whose format defines its own encoding have
 * none: {@code application/json} (RFC 8259: always UTF-8, no charset parameter defined), {@code image/svg+xml} and
 * {@code application/xml} (the XML declaration decides), JavaScript is {@code text/javascript} (RFC 9239) and so
 * gets the charset. Anything else, and a name without extension, is {@code application/octet-stream}.
 */
public final class ContentTypes {

    public static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"));

    private ContentTypes() {
    }

    /** The type for {@code file}'s name. */
    public static String of(Path file) {
        Path name = file.getFileName();
        return name == null ? DEFAULT : forName(name.toString());
    }

    /** The type for a file name (or a path: only the part after the last dot counts). */
    public static String forName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1 || fileName.indexOf('/', dot) >= 0) {
            return DEFAULT;
        }
        String ext = fileName.substring(dot + 1);
        String type = TYPES.get(ext);
        if (type == null) {
            type = TYPES.get(ext.toLowerCase(Locale.ROOT));
        }
        return type == null ? DEFAULT : type;
    }
}
