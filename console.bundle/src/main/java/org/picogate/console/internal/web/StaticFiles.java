package org.picogate.console.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.Response;

/**
 * The style sheet and the script, served from the bundle's resources. Only these names: a path from the URL
 * never reaches the class loader.
 */
public final class StaticFiles {

    private static final Map<String, String> TYPES = Map.of("console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> files;

    public StaticFiles() throws IOException {
        files = Map.of("console.css", read("console.css"), "console.js", read("console.js"));
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/static/" + name)) {
            if (in == null) {
                throw new IOException("static/" + name + " is missing from the console bundle");
            }
            return in.readAllBytes();
        }
    }

    public void serve(Request request, Response response) throws IOException {
        String name = request.param("name");
        byte[] body = files.get(name);
        if (body == null) {
            throw new HttpException(404, "Not Found");
        }
        response.contentType(TYPES.get(name)).send(body);
    }
}
