package org.picogate.client.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of PID {@code org.picogate.client}: the options of sessions opened with
 * {@code HttpClient.session()} (and of {@code HttpClient.defaults()}) from now on; sessions open keep theirs.
 */
@ObjectClassDefinition(id = ClientConfig.PID, name = "Picogate HTTP client",
        description = "Default options of HTTP client sessions: timeouts, pool limits, redirects, body limit.")
public @interface ClientConfig {
    String PID = "org.picogate.client";

    @AttributeDefinition(name = "Connect timeout (ms)", min = "0",
            description = "Name lookup, TCP connect and TLS handshake of one connection; 0 for none.")
    long connectTimeoutMillis() default 10000;

    @AttributeDefinition(name = "Read timeout (ms)", min = "0",
            description = "Longest wait for any byte of a response, head or body; 0 for none.")
    long readTimeoutMillis() default 30000;

    @AttributeDefinition(name = "Total timeout (ms)", min = "0",
            description = "The whole exchange: pool wait, redirects, retries, body; 0 for none.")
    long totalTimeoutMillis() default 0;

    @AttributeDefinition(name = "Connections per host", min = "1",
            description = "Open connections per scheme, host and port; more requests wait.")
    int maxConnectionsPerHost() default 8;

    @AttributeDefinition(name = "Connections", min = "1",
            description = "Open connections of a session in all; more requests wait.")
    int maxConnections() default 64;

    @AttributeDefinition(name = "Idle timeout (ms)", min = "0",
            description = "A pooled connection unused this long is closed; 0 disables pooling.")
    long idleTimeoutMillis() default 30000;

    @AttributeDefinition(name = "Redirects", min = "0",
            description = "Redirects followed per request; 0 returns the redirect response.")
    int maxRedirects() default 10;

    @AttributeDefinition(name = "Body limit (bytes)", min = "0",
            description = "Longest response body read whole (bytes(), text(), json()).")
    long maxBodyBytes() default 8L << 20;

    @AttributeDefinition(name = "Accept gzip",
            description = "Send Accept-Encoding: gzip and decode gzip bodies.")
    boolean acceptGzip() default false;
}
