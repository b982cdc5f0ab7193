package org.picogate.client.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.picogate.streams.Stream;

/** Server side of the fault scripts: reads requests by hand and writes whatever bytes a test wants. */
final class RawHttp {
    private RawHttp() {
    }

    /** A request as read: its lines and its Content-Length body. */
    record Request(String requestLine, List<String> headers, byte[] body) {
        String header(String name) {
            for (String h : headers) {
                if (h.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                    return h.substring(name.length() + 1).strip();
                }
            }
            return null;
        }
    }

    /** The next request, or {@code null} at end of input. Chunked bodies are read and dropped. */
    static Request read(Stream s) throws IOException {
        String line = s.readLine(8192);
        if (line == null) {
            return null;
        }
        List<String> headers = new ArrayList<>();
        for (String h = s.readLine(8192); h != null && !h.isEmpty(); h = s.readLine(8192)) {
            headers.add(h);
        }
        Request head = new Request(line, headers, new byte[0]);
        String length = head.header("Content-Length");
        if (length != null) {
            return new Request(line, headers, s.readExactly(Integer.parseInt(length)));
        }
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            for (int size; (size = Integer.parseInt(s.readLine(100).split(";")[0].strip(), 16)) > 0; ) {
                s.readExactly(size + 2);
            }
            s.readLine(100);
        }
        return head;
    }

    static void send(Stream s, String text) throws IOException {
        s.write(text.getBytes(ISO_8859_1));
        s.drain();
    }

    /** A 200 with a text body and Content-Length. */
    static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }
}
