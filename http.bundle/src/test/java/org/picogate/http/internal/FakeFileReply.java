package org.picogate.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Records what {@link FileResponder} and {@link StaticFiles} do with a reply. */
final class FakeFileReply implements FileReply {

    final String method;
    final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    int status = 200;
    /** The length given to sendHead; Long.MIN_VALUE while the head is not sent. */
    long headLength = Long.MIN_VALUE;
    int headCalls;
    int fileBodyCalls;
    int bytesBodyCalls;
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    FakeFileReply(String method, String... nameValues) {
        this.method = method;
        for (int i = 0; i < nameValues.length; i += 2) {
            requestHeaders.put(nameValues[i], nameValues[i + 1]);
        }
    }

    static FakeFileReply get(String... nameValues) {
        return new FakeFileReply("GET", nameValues);
    }

    @Override
    public String requestMethod() {
        return method;
    }

    @Override
    public String requestHeader(String name) {
        return requestHeaders.get(name);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public void status(int status) {
        check(headCalls == 0, "status after head");
        this.status = status;
    }

    @Override
    public boolean hasHeader(String name) {
        return headers.containsKey(name);
    }

    @Override
    public void header(String name, String value) {
        check(headCalls == 0, "header after head");
        headers.put(name, value);
    }

    @Override
    public void sendHead(long contentLength) {
        check(headCalls == 0, "head sent twice");
        headCalls++;
        headLength = contentLength;
    }

    @Override
    public void sendFileBody(FileChannel file, long position, long count) throws IOException {
        checkBody(count);
        fileBodyCalls++;
        ByteBuffer buf = ByteBuffer.allocate((int) count);
        long p = position;
        while (buf.hasRemaining()) {
            int n = file.read(buf, p);
            if (n < 0) {
                break;
            }
            p += n;
        }
        body.write(buf.array(), 0, buf.position());
    }

    @Override
    public void sendBytesBody(byte[] bytes, int offset, int length) {
        checkBody(length);
        bytesBodyCalls++;
        body.write(bytes, offset, length);
    }

    private void checkBody(long count) {
        check(headCalls == 1, "body before head");
        check(!"HEAD".equals(method), "body for HEAD");
        check(headLength == count, "body length " + count + " != announced " + headLength);
        check(fileBodyCalls + bytesBodyCalls == 0, "second body");
    }

    String bodyText() {
        return body.toString(StandardCharsets.UTF_8);
    }

    byte[] bodyBytes() {
        return body.toByteArray();
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
