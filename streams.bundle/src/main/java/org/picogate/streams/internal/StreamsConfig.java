package org.picogate.streams.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of PID {@code org.picogate.streams}; changes apply to streams opened afterwards, and to the new
 * connections of servers already open. The TLS keys configure the server context that
 * {@code ListenOptions.withConfiguredTls()} uses; it is built (the files read) at each configuration change.
 */
@ObjectClassDefinition(id = StreamsConfig.PID, name = "Picogate streams",
        description = "Buffers and closing of TCP and TLS streams, and the TLS identity of servers that listen with"
                + " the configured TLS.")
public @interface StreamsConfig {
    String PID = "org.picogate.streams";

    @AttributeDefinition(name = "Read buffer (bytes)", min = "64",
            description = "Bytes one read system call may fill; a longer line grows it up to the read's maximum.")
    int readBufferSize() default 1024;

    @AttributeDefinition(name = "High-water mark (bytes)", min = "0",
            description = "Bytes a stream buffers on write before writing through (blocking while the peer is slow).")
    int highWaterMark() default 16384;

    @AttributeDefinition(name = "Linger (ms)", min = "0",
            description = "How long close() waits for the peer's end of input after sending its own.")
    long lingerMillis() default 2000;

    @AttributeDefinition(name = "Linger input limit (bytes)", min = "0",
            description = "Input close() reads and discards at most while it lingers.")
    int lingerMaxBytes() default 65536;

    @AttributeDefinition(name = "Connect timeout (ms)", min = "0",
            description = "Connect timeout of StreamService.connect(host, port), DNS and TLS included; 0 for none.")
    long connectTimeoutMillis() default 10000;

    @AttributeDefinition(name = "Read timeout (ms)", min = "0",
            description = "Read timeout of streams from StreamService.connect(host, port); 0 for none.")
    long readTimeoutMillis() default 0;

    @AttributeDefinition(name = "TLS key store", required = false,
            description = "PKCS#12 file with the private key and certificate chain servers show when they listen"
                    + " with the configured TLS (relative paths: to the gateway's working directory); empty for"
                    + " none.")
    String tlsKeyStore() default "";

    @AttributeDefinition(name = "TLS key store password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the TLS key store, which is also its key's.")
    String tlsKeyStorePassword() default "";

    @AttributeDefinition(name = "TLS trust store", required = false,
            description = "PKCS#12 file with the client certificates (or their CAs) to accept when the TLS client"
                    + " authentication is want or need; empty for none.")
    String tlsTrustStore() default "";

    @AttributeDefinition(name = "TLS trust store password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the TLS trust store; empty to read it without one (its integrity unchecked).")
    String tlsTrustStorePassword() default "";

    @AttributeDefinition(name = "TLS client authentication",
            description = "Whether servers with the configured TLS ask clients for a certificate: none, want"
                    + " (a client without one is served too), need (a client without a trusted one is refused).",
            options = { @Option(label = "none", value = "none"), @Option(label = "want", value = "want"),
                    @Option(label = "need", value = "need") })
    String tlsClientAuth() default "none";
}
