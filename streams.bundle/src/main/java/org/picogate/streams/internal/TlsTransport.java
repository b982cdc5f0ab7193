package org.picogate.streams.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * TLS over a connected socket, through the JDK's {@link SSLSocket} layered on the channel's socket (blocking
 * calls park the virtual thread as plain ones do).
 *
 * <p>Policy, on both sides: of the protocols the context enables only TLS 1.3 and 1.2 are kept (a context that
 * enables neither is refused when the factory is made). Servers also keep only the AEAD cipher suites (GCM,
 * ChaCha20-Poly1305, CCM) of those enabled: TLS 1.2's CBC suites are what testssl.sh flags (LUCKY13, "obsolete
 * CBC ciphers"); and they refuse a client's renegotiation (see {@link #rejectClientRenegotiation()}). The context's default {@link SSLParameters} apply
 * otherwise: a server context whose defaults need client authentication (see
 * {@code org.picogate.streams.TlsContexts}) asks every client for a certificate. Clients check that the
 * server's certificate names the host (the {@code serverName}, when given) unless told not to, and send it as
 * SNI when it is a host name (never an IP address).
 *
 * <p>Closing, and how it maps onto the {@link Transport} contract:
 * <ul>
 * <li>{@link #shutdownOutput()} sends close_notify, then FIN. With TLS 1.3 reading goes on (a true half-close,
 * RFC 8446 6.1). With TLS 1.2 the protocol makes the peer answer close_notify with its own and stop writing
 * (RFC 5246 7.2.1), so a half-closed TLS 1.2 connection cannot carry a response.</li>
 * <li>{@link #close()} releases the socket with a plain FIN and never blocks: the stream above calls it only
 * after {@code shutdownOutput()}, which sent close_notify already. {@link SSLSocket#close()} is not used: it
 * may wait for the lock of a blocked writer, or read for the peer's close_notify.</li>
 * <li>{@link #abort()} resets the TCP connection without any alert.</li>
 * </ul>
 * A peer that closes TCP without close_notify reads as end of input, as the JDK treats it by default.
 *
 * <p>Handshakes: a client's happens in {@code wrap}, within the connect deadline. A server's happens in
 * {@link #handshake()} when the caller runs it in the connection's own task, or else on the first read or
 * write; never in {@code wrap}, which runs in the accept loop.
 */
final class TlsTransport extends ChannelTransport {
    /** The protocols ever used, newest first. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** The largest TLS record payload: small buffers of one gathering write are packed into records this big. */
    private static final int RECORD = 16384;

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Packs the small buffers of one gathering write; only one task writes at a time (the stream's lock). */
    private byte[] packed;
    /** Bounce buffer for reads into direct buffers; only one task reads at a time. */
    private byte[] bounce;
    /** A read returned end of input: the peer's close_notify (or FIN) came. */
    private volatile boolean inputEnded;

    private TlsTransport(SocketChannel channel, SSLSocket socket) throws IOException {
        super(channel);
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Client side: the handshake happens in {@code wrap}.
     *
     * @param serverName the name the server's certificate must show (with {@code verifyHostname}) and the SNI
     *        name to send (when a host name); usually the host connected to
     * @throws IllegalArgumentException if the context enables neither TLS 1.3 nor 1.2
     */
    static TransportFactory client(SSLContext context, String serverName, int port, boolean verifyHostname) {
        allowedProtocols(context.getDefaultSSLParameters().getProtocols(), context);
        String name = normalize(serverName);
        return channel -> {
            prepare(channel);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(channel.socket(), name, port,
                    true);
            SSLParameters params = socket.getSSLParameters();
            params.setProtocols(allowedProtocols(params.getProtocols(), context));
            params.setEndpointIdentificationAlgorithm(verifyHostname ? "HTTPS" : null);
            SNIHostName sni = sniName(name);
            if (sni != null) {
                params.setServerNames(List.of(sni));
            }
            socket.setSSLParameters(params);
            socket.startHandshake();
            return new TlsTransport(channel, socket);
        };
    }

    /**
     * Server side: {@code wrap} only sets the socket up; see {@link #handshake()}.
     *
     * @throws IllegalArgumentException if the context enables neither TLS 1.3 nor 1.2
     */
    static TransportFactory server(SSLContext context) {
        allowedProtocols(context.getDefaultSSLParameters().getProtocols(), context);
        aeadSuites(context.getDefaultSSLParameters().getCipherSuites(), context);
        rejectClientRenegotiation();
        return channel -> {
            prepare(channel);
            // the server-mode constructor: the context's defaults (client authentication among them) apply
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(channel.socket(), null, true);
            SSLParameters params = socket.getSSLParameters();
            params.setProtocols(allowedProtocols(params.getProtocols(), context));
            params.setCipherSuites(aeadSuites(params.getCipherSuites(), context));
            socket.setSSLParameters(params);
            return new TlsTransport(channel, socket);
        };
    }

    /** The JDK's switch for client-initiated renegotiation: a system property, read once per JVM. */
    static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

    /**
     * A TLS 1.2 client may ask a server to renegotiate (redo its handshake, the expensive part of TLS) as often as
     * it likes: testssl.sh rates that a HIGH finding, a denial-of-service threat. The JDK refuses it only through
     * the system property {@value #REJECT_RENEGOTIATION}, which it reads at the first server handshake of the JVM;
     * so it is set here, before any server socket exists, unless it was set already (in PICOGATE_JAVA_OPTS, say,
     * where {@code =false} allows renegotiation again). TLS 1.3 has no renegotiation.
     */
    static void rejectClientRenegotiation() {
        if (System.getProperty(REJECT_RENEGOTIATION) == null) {
            System.setProperty(REJECT_RENEGOTIATION, "true");
        }
    }

    /** Of {@code enabled}, the AEAD suites (and signalling values such as the renegotiation SCSV), in order. */
    static String[] aeadSuites(String[] enabled, SSLContext context) {
        String[] aead = Arrays.stream(enabled == null ? new String[0] : enabled)
                .filter(s -> s.contains("_GCM_") || s.contains("CHACHA20_POLY1305") || s.contains("_CCM")
                        || s.endsWith("_SCSV"))
                .toArray(String[]::new);
        if (Arrays.stream(aead).allMatch(s -> s.endsWith("_SCSV"))) {
            throw new IllegalArgumentException("the TLS context (" + context.getProtocol() + ") enables no AEAD "
                    + "cipher suite (GCM, ChaCha20-Poly1305, CCM) but " + Arrays.toString(enabled)
                    + "; servers use no other");
        }
        return aead;
    }

    /** Of {@code enabled}, TLS 1.3 and 1.2 in the order given. */
    static String[] allowedProtocols(String[] enabled, SSLContext context) {
        String[] allowed = Arrays.stream(enabled == null ? new String[0] : enabled).filter(PROTOCOLS::contains)
                .toArray(String[]::new);
        if (allowed.length == 0) {
            throw new IllegalArgumentException("the TLS context (" + context.getProtocol() + ") enables none of "
                    + PROTOCOLS + " but " + Arrays.toString(enabled) + "; older protocols are not used");
        }
        return allowed;
    }

    /** Without the trailing dot of a fully qualified name, which neither SNI nor certificates carry. */
    private static String normalize(String name) {
        return name != null && name.length() > 1 && name.endsWith(".") ? name.substring(0, name.length() - 1)
                : name;
    }

    /** The SNI name for {@code name}, or {@code null} for IP addresses and names SNI cannot carry. */
    static SNIHostName sniName(String name) {
        if (name == null || name.isEmpty() || name.indexOf(':') >= 0 || name.matches("[0-9.]+")) {
            return null;
        }
        try {
            return new SNIHostName(name);
        } catch (IllegalArgumentException notAHostName) {
            return null; // such as "my_host": connect without SNI rather than fail
        }
    }

    /**
     * Runs the handshake now (a no-op once done): on a server, in the connection's task, so that a client's
     * connect never waits for the handler's first read. Fails with {@link javax.net.ssl.SSLException} when the
     * peer is refused or speaks no TLS.
     */
    @Override
    public void handshake() throws IOException {
        socket.startHandshake();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        int n;
        if (dst.hasArray()) {
            n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            if (n > 0) {
                dst.position(dst.position() + n);
            }
        } else {
            if (bounce == null) {
                bounce = new byte[RECORD];
            }
            n = in.read(bounce, 0, Math.min(dst.remaining(), bounce.length));
            if (n > 0) {
                dst.put(bounce, 0, n);
            }
        }
        if (n < 0) {
            inputEnded = true;
        }
        return n;
    }

    /**
     * Writes each big array-backed buffer straight from its array; packs everything else (a header before a
     * body, say) into full records, so that a gathering write does not send one small record per buffer.
     */
    @Override
    public void write(ByteBuffer[] srcs) throws IOException {
        try {
            writePacked(srcs);
        } catch (IOException e) {
            if (inputEnded && !"TLSv1.3".equals(socket.getSession().getProtocol())) {
                throw new IOException("the peer's close_notify ended this " + socket.getSession().getProtocol()
                        + " connection in both directions (RFC 5246 7.2.1): a half-close needs TLS 1.3", e);
            }
            throw e;
        }
    }

    private void writePacked(ByteBuffer[] srcs) throws IOException {
        if (srcs.length == 1 && srcs[0].hasArray()) {
            writeArray(srcs[0]);
            out.flush();
            return;
        }
        int length = 0;
        for (ByteBuffer b : srcs) {
            while (b.hasRemaining()) {
                if (length == 0 && b.hasArray() && b.remaining() >= RECORD) {
                    writeArray(b);
                    break;
                }
                if (packed == null) {
                    packed = new byte[RECORD];
                }
                int n = Math.min(RECORD - length, b.remaining());
                b.get(packed, length, n);
                length += n;
                if (length == RECORD) {
                    out.write(packed, 0, length);
                    length = 0;
                }
            }
        }
        if (length > 0) {
            out.write(packed, 0, length);
        }
        out.flush();
    }

    private void writeArray(ByteBuffer b) throws IOException {
        out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
        b.position(b.limit());
    }

    @Override
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput(); // close_notify, then FIN (the socket is layered with autoClose)
    }

    @Override
    public String toString() {
        return "TLS " + localAddress() + " -> " + remoteAddress();
    }
}
