package org.picogate.streams.internal;

import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * The server TLS of PID {@code org.picogate.streams} at one moment: a context with the transports made from it,
 * or none and why (what {@code listen} with the configured TLS then says).
 *
 * @param context the server context, or {@code null}
 * @param transports TLS transports on {@code context}, or {@code null}
 * @param source where the context comes from, for logs: the keys and files it was built from
 * @param problem without a context: why, naming the PID and the key to set; else {@code null}
 */
record ConfiguredTls(SSLContext context, TransportFactory transports, String source, String problem) {

    /** Nothing configured. */
    static final ConfiguredTls NOT_CONFIGURED = none(StreamsConfig.PID + ": tlsKeyStore is not set; set it to a "
            + "PKCS#12 key store (and tlsKeyStorePassword) to listen with the configured TLS");

    /**
     * @throws IllegalArgumentException if the context enables neither TLS 1.3 nor 1.2
     */
    static ConfiguredTls of(SSLContext context, String source) {
        return new ConfiguredTls(context, TlsTransport.server(context), source, null);
    }

    static ConfiguredTls none(String problem) {
        return new ConfiguredTls(null, null, null, Objects.requireNonNull(problem, "problem"));
    }
}
