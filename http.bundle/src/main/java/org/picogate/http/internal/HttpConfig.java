package org.picogate.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code org.picogate.http}; every change applies live (see {@link HttpServerComponent}). */
@ObjectClassDefinition(id = HttpConfig.PID, name = "Picogate HTTP server",
        description = "The gateway's HTTP/1.1 server: address, limits, timeouts and static files.")
public @interface HttpConfig {
    String PID = "org.picogate.http";

    @AttributeDefinition(name = "Port", min = "0", max = "65535",
            description = "TCP port to listen on; a change opens the new port, then closes the old one gracefully.")
    int port() default 8080;

    @AttributeDefinition(name = "Host", description = "Address to bind; empty for all interfaces.")
    String host() default "";

    @AttributeDefinition(name = "HTTPS",
            description = "Serve HTTPS (TLS 1.3 and 1.2) instead of plain HTTP on the port, with the key store "
                    + "configured for PID org.picogate.streams (tlsKeyStore); a change reopens the port (new "
                    + "connections are refused for that moment, open ones end as in a port change).")
    boolean tls() default false;

    @AttributeDefinition(name = "Request line (bytes)", min = "16",
            description = "Longest request line, CR LF included; longer ones get 414.")
    int maxRequestLine() default 8192;

    @AttributeDefinition(name = "Header bytes", min = "64",
            description = "Most bytes of all header lines of a request; more get 431.")
    int maxHeaderBytes() default 16384;

    @AttributeDefinition(name = "Header lines", min = "1", description = "Most header lines; more get 431.")
    int maxHeaders() default 100;

    @AttributeDefinition(name = "Body (bytes)", min = "0", description = "Largest request body; larger get 413.")
    long maxBody() default 1048576;

    @AttributeDefinition(name = "Header timeout (ms)", min = "1",
            description = "From a request's first byte to the end of its head; slower clients are cut off.")
    long headerTimeoutMillis() default 10000;

    @AttributeDefinition(name = "Idle timeout (ms)", min = "1",
            description = "How long a keep-alive connection may wait for its next request, and the most time "
                    + "reads may wait for 64 KiB of a request body, or writes for the client to take 64 KiB of an "
                    + "answer (then the connection is cut).")
    long idleTimeoutMillis() default 60000;

    @AttributeDefinition(name = "Requests per connection", min = "1",
            description = "Requests on one connection; the last answer closes it.")
    int maxRequestsPerConnection() default 1000;

    @AttributeDefinition(name = "Connections", min = "1",
            description = "Open connections at most; further ones are closed at once.")
    int maxConnections() default 1024;

    @AttributeDefinition(name = "Backlog", min = "1", description = "Connections the kernel may queue for us.")
    int backlog() default 1024;

    @AttributeDefinition(name = "Shutdown grace (ms)", min = "0",
            description = "How long in-flight requests may take to finish when the server stops or moves.")
    long shutdownGraceMillis() default 10000;

    @AttributeDefinition(name = "Access log",
            description = "One line per request (combined log format plus the microseconds it took) to the OSGi Log "
                    + "service, logger org.picogate.http.access at AUDIT level (always recorded); off by default.")
    boolean accessLog() default false;

    @AttributeDefinition(name = "Swap grace (ms)", min = "0",
            description = "When the last provider of a route goes, how long its requests wait for a replacement "
                    + "(then 503 with Retry-After), and how long running requests on it may take to finish.")
    long swapGraceMillis() default 2000;

    @AttributeDefinition(name = "Static directory",
            description = "Directory served under the static prefix; empty serves no files.")
    String staticDir() default "";

    @AttributeDefinition(name = "Static prefix", description = "URL path prefix of the static directory.")
    String staticPrefix() default "/";

    // ---- forms (FormConfig): read by each request's query() and form() ----

    @AttributeDefinition(name = "Parameters", min = "1",
            description = "Most parameters of a query string or urlencoded form; more: 400 for a query, 413 for a "
                    + "form.")
    int maxParameters() default 1000;

    @AttributeDefinition(name = "Form parts", min = "1", description = "Most parts of a multipart form; more: 413.")
    int maxFormParts() default 100;

    @AttributeDefinition(name = "Part header bytes", min = "64", max = "65536",
            description = "Most bytes of the headers of one multipart part, CR LF included; more: 413.")
    int maxPartHeaderBytes() default 8192;

    @AttributeDefinition(name = "Field bytes", min = "1",
            description = "Most bytes of one text field of a multipart form (held in memory); more: 413.")
    int maxFieldBytes() default 1048576;

    @AttributeDefinition(name = "File bytes", min = "0",
            description = "Most bytes of one uploaded file; more: 413. 0: only maxBody bounds it.")
    long maxFileBytes() default 0;

    @AttributeDefinition(name = "File memory threshold (bytes)", min = "0",
            description = "An uploaded file up to this size stays in memory; a bigger one is written to a temporary "
                    + "file in the upload directory, deleted when the request ends. 0: every file goes to disk.")
    int fileMemoryThreshold() default 65536;

    @AttributeDefinition(name = "Upload directory",
            description = "Existing directory for the temporary files of uploads; empty: the system's temporary "
                    + "directory (java.io.tmpdir).")
    String uploadDir() default "";
}
