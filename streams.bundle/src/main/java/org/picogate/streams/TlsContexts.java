package org.picogate.streams;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@link SSLContext}s for {@link ListenOptions#withTls(SSLContext)} and {@link ConnectOptions#withTls(SSLContext)},
 * built from PKCS#12 files (what {@code keytool -storetype PKCS12} and {@code openssl pkcs12 -export} write).
 *
 * <p>A <em>key store</em> holds a private key with its certificate chain: the identity a server (or a client, for
 * mutual TLS) shows. Its key must have the store's password. A <em>trust store</em> holds the certificates to
 * trust: those of the servers (or their CAs) a client accepts, or those of the clients a server accepts. Streams
 * use TLS 1.3 and 1.2 only, of what the context enables; clients check host names unless
 * {@link ConnectOptions#withVerifyHostname(boolean) told not to}.
 *
 * <p>Failures name the file: a missing file is a {@link NoSuchFileException}, a wrong password or a file that is
 * not PKCS#12 an {@link IOException}, a store without a key (or without certificates, for a trust store) a
 * {@link KeyStoreException}. Passwords are not kept; the caller may clear its array afterwards.
 */
public final class TlsContexts {
    private static final String STORE_TYPE = "PKCS12";

    private TlsContexts() {
    }

    /**
     * A server context showing the key and certificate chain of {@code keyStore}; clients need no certificate.
     *
     * @param keyStore PKCS#12 file with a private key entry (with several, the JDK's PKIX key manager picks one
     *        that suits each handshake: key type, SNI name, validity)
     * @param password the store's password, which is also the key's
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read, is not PKCS#12, or the password is wrong
     * @throws KeyStoreException if it holds no private key entry
     * @throws GeneralSecurityException if the key cannot be recovered or the JDK lacks an algorithm
     */
    public static SSLContext server(Path keyStore, char[] password) throws IOException, GeneralSecurityException {
        return context(keyManagers(keyStore, password), null);
    }

    /**
     * A server context for mutual TLS: it shows the key of {@code keyStore} and requires every client to show a
     * certificate that {@code clientTrustStore} trusts; a client without one fails the handshake.
     *
     * @param keyStore PKCS#12 file with the server's private key entry
     * @param password the key store's password, which is also the key's
     * @param clientTrustStore PKCS#12 file with the client certificates (or their CAs) to accept
     * @param trustPassword the trust store's password; {@code null} skips its integrity check
     * @throws NoSuchFileException if a file does not exist
     * @throws IOException if a file cannot be read, is not PKCS#12, or its password is wrong
     * @throws KeyStoreException if the key store holds no private key entry, or the trust store no certificate
     * @throws GeneralSecurityException if the key cannot be recovered or the JDK lacks an algorithm
     */
    public static SSLContext server(Path keyStore, char[] password, Path clientTrustStore, char[] trustPassword)
            throws IOException, GeneralSecurityException {
        SSLContext context = context(keyManagers(keyStore, password), trustManagers(clientTrustStore, trustPassword));
        return withParameters(context, p -> p.setNeedClientAuth(true));
    }

    /**
     * A client context that trusts the certificates of {@code trustStore} (a server's own certificate, or the CA
     * that signed it) and no others; it shows no client certificate.
     *
     * @param trustStore PKCS#12 file with the certificates to trust
     * @param password the store's password; {@code null} skips its integrity check
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read, is not PKCS#12, or the password is wrong
     * @throws KeyStoreException if it holds no certificate
     * @throws GeneralSecurityException if the JDK lacks an algorithm
     */
    public static SSLContext client(Path trustStore, char[] password) throws IOException, GeneralSecurityException {
        return context(null, trustManagers(trustStore, password));
    }

    /**
     * A client context for mutual TLS: it trusts the certificates of {@code trustStore} and shows the key and
     * certificate chain of {@code keyStore} to servers that ask for one.
     *
     * @param trustStore PKCS#12 file with the server certificates (or their CAs) to trust
     * @param trustPassword the trust store's password; {@code null} skips its integrity check
     * @param keyStore PKCS#12 file with the client's private key entry
     * @param keyPassword the key store's password, which is also the key's
     * @throws NoSuchFileException if a file does not exist
     * @throws IOException if a file cannot be read, is not PKCS#12, or its password is wrong
     * @throws KeyStoreException if the trust store holds no certificate, or the key store no private key entry
     * @throws GeneralSecurityException if the key cannot be recovered or the JDK lacks an algorithm
     */
    public static SSLContext client(Path trustStore, char[] trustPassword, Path keyStore, char[] keyPassword)
            throws IOException, GeneralSecurityException {
        return context(keyManagers(keyStore, keyPassword), trustManagers(trustStore, trustPassword));
    }

    /**
     * A view of {@code context} whose default parameters are changed by {@code customizer}: every socket, server
     * socket and engine made through the view starts with them, and streams (which apply a context's defaults)
     * use them. For what a context cannot otherwise say, such as
     * {@link SSLParameters#setNeedClientAuth(boolean) requiring client certificates},
     * {@link SSLParameters#setSNIMatchers(java.util.Collection) accepting only some SNI names}, or cipher suites.
     *
     * <p>The customizer runs once, here; the parameters it leaves are checked here too. It should not set server
     * names: clients send the host's.
     *
     * @param context an initialized context
     * @param customizer changes the parameters it is given ({@code context}'s defaults)
     * @return a new context sharing {@code context}'s keys, trust and session caches
     * @throws IllegalArgumentException if the parameters cannot apply (an unknown protocol or cipher suite, say)
     */
    public static SSLContext withParameters(SSLContext context, Consumer<? super SSLParameters> customizer) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(customizer, "customizer");
        SSLParameters params = context.getDefaultSSLParameters();
        customizer.accept(params);
        try (SSLSocket probe = (SSLSocket) context.getSocketFactory().createSocket()) {
            probe.setSSLParameters(params);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a socket of " + context.getProtocol() + " to check the "
                    + "parameters", e);
        }
        return new ConfiguredContext(new ConfiguredSpi(context, params), context);
    }

    // ---- reading the stores ----

    private static SSLContext context(KeyManager[] keys, TrustManager[] trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust, null);
        return context;
    }

    private static KeyManager[] keyManagers(Path file, char[] password)
            throws IOException, GeneralSecurityException {
        Objects.requireNonNull(password, "password of a key store");
        KeyStore store = load(file, password, "key store");
        List<String> aliases = Collections.list(store.aliases());
        if (aliases.stream().noneMatch(alias -> isKeyEntry(store, alias))) {
            throw new KeyStoreException(file + ": the key store holds no private key entry (entries: " + aliases
                    + "); create one with keytool -genkeypair, or import a key and its chain");
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
        try {
            factory.init(store, password);
        } catch (UnrecoverableKeyException e) {
            UnrecoverableKeyException named = new UnrecoverableKeyException(file + ": cannot recover a private key "
                    + "with the store's password (each key must have the store's password)");
            named.initCause(e);
            throw named;
        }
        return factory.getKeyManagers();
    }

    private static TrustManager[] trustManagers(Path file, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = load(file, password, "trust store");
        List<String> aliases = Collections.list(store.aliases());
        boolean anyCertificate = false;
        for (String alias : aliases) {
            anyCertificate |= store.getCertificate(alias) != null; // trusted entries, and the chains of key entries
        }
        if (!anyCertificate) {
            throw new KeyStoreException(file + ": the trust store holds no certificate" + (password == null
                    ? " readable without a password (give the store's password: its certificates may be encrypted)"
                    : " (entries: " + aliases + "); import one with keytool -importcert"));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class);
        } catch (KeyStoreException notLoaded) {
            return false;
        }
    }

    private static KeyStore load(Path file, char[] password, String what)
            throws IOException, GeneralSecurityException {
        Objects.requireNonNull(file, what);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "PKCS#12 " + what + " not found");
        }
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (FileSystemException e) {
            throw e; // names the file already: unreadable, ...
        } catch (IOException | GeneralSecurityException e) { // a directory, a damaged file, a wrong password
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException;
            throw new IOException(file + ": " + (wrongPassword ? "wrong password for the PKCS#12 " + what
                    : "not a readable PKCS#12 " + what + " (" + e.getMessage() + ")"), e);
        }
        return store;
    }

    // ---- a context with other default parameters ----

    /** Same provider and protocol as the context it wraps. */
    private static final class ConfiguredContext extends SSLContext {
        ConfiguredContext(ConfiguredSpi spi, SSLContext delegate) {
            super(spi, delegate.getProvider(), delegate.getProtocol());
        }
    }

    /**
     * Delegates to another context and applies {@link #params} to everything it makes. The default and
     * supported parameters come from SSLContextSpi's own implementation, which asks a socket of this factory.
     */
    private static final class ConfiguredSpi extends SSLContextSpi {
        private final SSLContext delegate;
        private final SSLParameters params;
        private final SSLSocketFactory sockets;
        private final SSLServerSocketFactory serverSockets;

        ConfiguredSpi(SSLContext delegate, SSLParameters params) {
            this.delegate = delegate;
            this.params = params;
            this.sockets = new ConfiguredSocketFactory(delegate.getSocketFactory(), params);
            this.serverSockets = new ConfiguredServerSocketFactory(delegate.getServerSocketFactory(), params);
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("this context is initialized: it is a view of another one");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return sockets;
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return serverSockets;
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            SSLEngine engine = delegate.createSSLEngine();
            engine.setSSLParameters(params);
            return engine;
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            SSLEngine engine = delegate.createSSLEngine(host, port);
            engine.setSSLParameters(params);
            return engine;
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }
    }

    /**
     * The cipher suites a socket of the view starts with: those the parameters set, else the wrapped factory's. The
     * socket and server socket factories below repeat the rest of their shape because the JDK gives them no common
     * type to delegate through.
     */
    private static String[] defaultSuites(SSLParameters params, String[] delegateDefaults) {
        String[] suites = params.getCipherSuites();
        return suites != null ? suites : delegateDefaults;
    }

    private static final class ConfiguredSocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;
        private final SSLParameters params;

        ConfiguredSocketFactory(SSLSocketFactory delegate, SSLParameters params) {
            this.delegate = delegate;
            this.params = params;
        }

        private Socket configure(Socket socket) {
            ((SSLSocket) socket).setSSLParameters(params); // server names: null in params, kept as they are
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return defaultSuites(params, delegate.getDefaultCipherSuites());
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return configure(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return configure(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
            return configure(delegate.createSocket(s, consumed, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return configure(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return configure(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return configure(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return configure(delegate.createSocket(address, port, localAddress, localPort));
        }
    }

    private static final class ConfiguredServerSocketFactory extends SSLServerSocketFactory {
        private final SSLServerSocketFactory delegate;
        private final SSLParameters params;

        ConfiguredServerSocketFactory(SSLServerSocketFactory delegate, SSLParameters params) {
            this.delegate = delegate;
            this.params = params;
        }

        private ServerSocket configure(ServerSocket socket) {
            ((SSLServerSocket) socket).setSSLParameters(params);
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return defaultSuites(params, delegate.getDefaultCipherSuites());
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return configure(delegate.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return configure(delegate.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return configure(delegate.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress)
                throws IOException {
            return configure(delegate.createServerSocket(port, backlog, ifAddress));
        }
    }
}
