package org.picogate.streams;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes streams. As an OSGi service it is bundle-scoped: servers, their connection tasks and connected streams
 * belong to the bundle that got the service, and are closed when it stops.
 */
@ProviderType
public interface StreamService {

    /**
     * Connects to {@code host}, trying each of its addresses (IPv4 and IPv6) in the order DNS gives them.
     *
     * @throws java.net.SocketTimeoutException if the connect timeout passes
     * @throws java.net.UnknownHostException if the name does not resolve
     * @throws javax.net.ssl.SSLException if the TLS handshake or the host name check fails
     */
    Stream connect(String host, int port, ConnectOptions options) throws IOException;

    /**
     * Connects over plain TCP with the default timeouts of the configuration (PID {@code org.picogate.streams}:
     * {@code connectTimeoutMillis}, {@code readTimeoutMillis}); see {@link #connect(String, int, ConnectOptions)}.
     */
    Stream connect(String host, int port) throws IOException;

    /**
     * Listens and serves every accepted connection with {@code handler}, each in its own task.
     *
     * @throws java.net.BindException if the address is taken
     * @throws IOException with {@link ListenOptions#configuredTls()}, if no server TLS context is configured: no
     *         {@code tlsKeyStore} set for PID {@code org.picogate.streams}, or the one set was rejected (the
     *         message names the PID, the key and the reason)
     */
    StreamServer listen(ListenOptions options, StreamHandler handler) throws IOException;
}
