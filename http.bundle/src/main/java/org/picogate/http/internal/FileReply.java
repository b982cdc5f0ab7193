package org.picogate.http.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * What {@link FileResponder} and {@link StaticFiles} need from a response under construction: the seam between
 * static-file serving and the connection ({@code ResponseImpl} implements it).
 *
 * <p>Call order: {@code status}/{@code header} any number of times, then exactly one {@link #sendHead}, then (not
 * for HEAD requests and not for {@code sendHead(-1)}) exactly one body call with exactly the announced length.
 * {@link FileResponder} never calls a body method for a HEAD request; an implementation may also ignore them then.
 */
public interface FileReply {

    /** The request method as sent ({@code GET}, {@code HEAD}, ...). */
    String requestMethod();

    /**
     * A request header's value, case-insensitive name; when the field came on several lines, the lines joined with
     * {@code ", "} (RFC 9110 5.3) or at least the first one; {@code null} if absent.
     */
    String requestHeader(String name);

    /** The status set so far: 200 unless a handler set another one before {@code sendFile}. */
    int status();

    void status(int status);

    /** Whether a response header has been set already (a handler's own {@code Content-Type} is kept). */
    boolean hasHeader(String name);

    /** Sets a response header, replacing earlier values. */
    void header(String name, String value);

    /**
     * Writes the status line and headers with {@code Content-Length: contentLength}. {@code -1} means a response that
     * has no content by definition (304): no {@code Content-Length} is written and no body call follows.
     */
    void sendHead(long contentLength) throws IOException;

    /**
     * After {@link #sendHead}: sends {@code count} bytes of {@code file} from {@code position}, zero-copy where the
     * stream allows ({@code Stream.transferFrom}). If the file yields fewer bytes (it shrank since it was
     * examined), the announced length cannot be met: the implementation must close the connection.
     */
    void sendFileBody(FileChannel file, long position, long count) throws IOException;

    /** After {@link #sendHead}: sends bytes from memory (a cached file). The array must not be modified. */
    void sendBytesBody(byte[] bytes, int offset, int length) throws IOException;
}
