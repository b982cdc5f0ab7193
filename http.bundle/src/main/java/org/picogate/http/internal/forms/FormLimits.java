package org.picogate.http.internal.forms;

import java.nio.file.Path;

/**
 * What a query or a submitted form may hold; the body as a whole is bounded by {@code maxBody} before these.
 *
 * @param maxParameters query or urlencoded parameters (Tomcat's maxParameterCount); more: 400 for a query, 413
 *        for a form
 * @param maxParts parts of a multipart form; more: 413
 * @param maxPartHeaderBytes bytes of one part's header section, CR LF included; more: 413
 * @param maxFieldBytes bytes of one text field of a multipart form (kept in memory); more: 413
 * @param maxFileBytes bytes of one uploaded file; more: 413
 * @param memoryThreshold a file part up to this size stays in memory; a bigger one goes to a temporary file
 * @param tempDir where those files go; {@code null} for the system's temporary directory
 */
public record FormLimits(int maxParameters, int maxParts, int maxPartHeaderBytes, int maxFieldBytes,
        long maxFileBytes, int memoryThreshold, Path tempDir) {

    public static final FormLimits DEFAULTS = new FormLimits(1000, 100, 8192, 1 << 20, Long.MAX_VALUE, 64 * 1024,
            null);
}
