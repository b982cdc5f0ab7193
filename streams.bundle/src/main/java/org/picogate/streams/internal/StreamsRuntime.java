package org.picogate.streams.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.picogate.config.ConfigCheck;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.TlsContexts;
import org.picogate.streams.runtime.StreamsSnapshot;

/**
 * What every bundle's stream service shares: the settings and the server TLS context of PID
 * {@code org.picogate.streams}, and the open servers and client streams with the bundles that own them (for
 * {@code picogate:conns} and the {@code StreamServiceRuntime} service). Registered under its private class: only
 * this bundle sees it.
 *
 * <p>Each configuration is applied in two independent parts, each either whole or not at all: the stream
 * settings, and the server TLS (whose files are read again at every configuration change). A part that is
 * invalid is logged in one line naming the PID and the key, and the one in force stays.
 */
@Component(service = StreamsRuntime.class, configurationPid = StreamsConfig.PID)
@Designate(ocd = StreamsConfig.class)
public final class StreamsRuntime {
    private static final String PID = StreamsConfig.PID;

    private volatile StreamSettings settings = StreamSettings.DEFAULTS;
    private volatile ConnectOptions defaultConnectOptions = ConnectOptions.defaults();
    private volatile ConfiguredTls tls = ConfiguredTls.NOT_CONFIGURED;
    private final Map<StreamServerImpl, Owner> servers = new ConcurrentHashMap<>();
    private final Map<BufferedStream, Owner> clients = new ConcurrentHashMap<>();

    @Activate
    public StreamsRuntime(StreamsConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    @Modified
    void modified(StreamsConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    StreamSettings settings() {
        return settings;
    }

    /** The server TLS in force, for {@code ListenOptions.withConfiguredTls()}. */
    ConfiguredTls configuredTls() {
        return tls;
    }

    void opened(StreamServerImpl server, Owner owner) {
        servers.put(server, owner);
    }

    void closed(StreamServerImpl server) {
        servers.remove(server);
    }

    void connected(BufferedStream client, Owner owner) {
        clients.put(client, owner);
    }

    void disconnected(BufferedStream client) {
        clients.remove(client);
    }

    /**
     * The open servers and client streams with the bundles that opened them, for the {@code StreamServiceRuntime}
     * service and {@code picogate:conns} alike.
     *
     * @param now the current time on the clock the streams were made on
     */
    StreamsSnapshot snapshot(long now) {
        return Snapshots.take(servers, clients, now);
    }

    /**
     * A value of the wrong type (such as {@code lingerMillis="long"}) rejects the whole configuration: DS would
     * only fail when the part that reads it applies, leaving the parts before it applied.
     */
    private void apply(StreamsConfig config, Map<String, Object> properties) {
        ConfigCheck check = ConfigCheck.of(StreamsConfig.class, config, properties);
        if (!check.unknownKeys().isEmpty()) {
            StreamServerImpl.LOG.log(Level.WARNING, () -> PID + ": ignored unknown key(s) "
                    + String.join(", ", check.unknownKeys()));
        }
        if (!check.valid()) {
            StreamServerImpl.LOG.log(Level.ERROR, () -> PID + ": rejected " + String.join(", ", check.invalidValues())
                    + "; keeping the configuration in force");
            return;
        }
        applySettings(config);
        applyDefaultTimeouts(config);
        applyTls(config);
    }

    /** Options of {@code connect(host, port)}. */
    ConnectOptions defaultConnectOptions() {
        return defaultConnectOptions;
    }

    /** Applies the default timeouts, or logs which key is wrong and keeps those in force. */
    private void applyDefaultTimeouts(StreamsConfig config) {
        String invalid = config.connectTimeoutMillis() < 0 ? "connectTimeoutMillis=" + config.connectTimeoutMillis()
                : config.readTimeoutMillis() < 0 ? "readTimeoutMillis=" + config.readTimeoutMillis() : null;
        if (invalid != null) {
            ConnectOptions kept = defaultConnectOptions;
            StreamServerImpl.LOG.log(Level.ERROR, () -> PID + ": rejected " + invalid + " (must not be negative);"
                    + " keeping connectTimeoutMillis=" + kept.connectTimeout().toMillis() + ", readTimeoutMillis="
                    + kept.readTimeout().toMillis());
            return;
        }
        defaultConnectOptions = ConnectOptions.defaults()
                .withConnectTimeout(Duration.ofMillis(config.connectTimeoutMillis()))
                .withReadTimeout(Duration.ofMillis(config.readTimeoutMillis()));
    }

    // ---- stream settings ----

    /** Applies the stream settings, or logs which key is wrong and keeps those in force. */
    private void applySettings(StreamsConfig config) {
        String invalid = config.readBufferSize() < 64 ? "readBufferSize=" + config.readBufferSize()
                + " (must be at least 64)"
                : config.highWaterMark() < 0 ? "highWaterMark=" + config.highWaterMark() + " (must not be negative)"
                : config.lingerMillis() < 0 ? "lingerMillis=" + config.lingerMillis() + " (must not be negative)"
                : config.lingerMaxBytes() < 0 ? "lingerMaxBytes=" + config.lingerMaxBytes()
                        + " (must not be negative)"
                : null;
        if (invalid != null) {
            StreamSettings kept = settings;
            StreamServerImpl.LOG.log(Level.ERROR, () -> PID + ": rejected " + invalid + "; keeping " + keys(kept));
            return;
        }
        settings = new StreamSettings(config.readBufferSize(), config.highWaterMark(),
                Duration.ofMillis(config.lingerMillis()), config.lingerMaxBytes());
    }

    /** Settings as the configuration keys that give them. */
    private static String keys(StreamSettings s) {
        return "readBufferSize=" + s.readBufferSize() + ", highWaterMark=" + s.highWaterMark() + ", lingerMillis="
                + s.linger().toMillis() + ", lingerMaxBytes=" + s.lingerMaxBytes();
    }

    // ---- server TLS ----

    /** A configuration key whose value cannot make a context; the message names the key (and file). */
    private static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Builds the server context from the TLS keys, or logs which key is wrong and keeps the context in force
     * (when there is none, {@code listen} with the configured TLS then fails saying why).
     */
    private void applyTls(StreamsConfig config) {
        ConfiguredTls previous = tls;
        String keyStore = text(config.tlsKeyStore());
        if (keyStore.isEmpty()) {
            tls = ConfiguredTls.NOT_CONFIGURED;
            if (previous.context() != null) {
                StreamServerImpl.LOG.log(Level.INFO, () -> PID + ": tlsKeyStore unset; no server TLS context for new"
                        + " servers (open ones keep theirs: " + previous.source() + ")");
            }
            return;
        }
        try {
            ConfiguredTls built = build(keyStore, config);
            tls = built;
            StreamServerImpl.LOG.log(Level.INFO, () -> PID + ": server TLS context from " + built.source());
        } catch (Rejected rejected) {
            StreamServerImpl.LOG.log(Level.ERROR, () -> PID + ": rejected " + rejected.getMessage() + "; "
                    + (previous.context() != null ? "keeping the server TLS context from " + previous.source()
                            : "no server TLS context is in force"));
            if (previous.context() == null) {
                tls = ConfiguredTls.none(PID + ": rejected " + rejected.getMessage()
                        + "; no server TLS context to listen with");
            }
        }
    }

    private static ConfiguredTls build(String keyStore, StreamsConfig config) throws Rejected {
        String clientAuth = text(config.tlsClientAuth()).toLowerCase(Locale.ROOT);
        if (!clientAuth.equals("none") && !clientAuth.equals("want") && !clientAuth.equals("need")) {
            throw new Rejected("tlsClientAuth=" + config.tlsClientAuth() + " (must be none, want or need)");
        }
        String trustStore = text(config.tlsTrustStore());
        if (!clientAuth.equals("none") && trustStore.isEmpty()) {
            throw new Rejected("tlsClientAuth=" + clientAuth + " without tlsTrustStore (the PKCS#12 file with the "
                    + "client certificates, or their CAs, to accept)");
        }
        Path keyFile = path("tlsKeyStore", keyStore);
        char[] password = Objects.toString(config.tlsKeyStorePassword(), "").toCharArray();
        char[] trustPassword = null;
        try {
            SSLContext context;
            String source = "tlsKeyStore=" + keyFile;
            try {
                context = TlsContexts.server(keyFile, password); // alone first, so that its faults name its key
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                throw new Rejected("tlsKeyStore=" + keyFile + ": " + withoutFile(e, keyFile));
            }
            if (clientAuth.equals("none")) {
                if (!trustStore.isEmpty()) {
                    StreamServerImpl.LOG.log(Level.WARNING, () -> PID + ": tlsTrustStore=" + trustStore + " is not"
                            + " used: tlsClientAuth=none asks clients for no certificate");
                }
            } else {
                Path trustFile = path("tlsTrustStore", trustStore);
                String trustText = Objects.toString(config.tlsTrustStorePassword(), "");
                trustPassword = trustText.isEmpty() ? null : trustText.toCharArray();
                try {
                    context = TlsContexts.server(keyFile, password, trustFile, trustPassword); // needs certificates
                    if (clientAuth.equals("want")) {
                        context = TlsContexts.withParameters(context, p -> p.setWantClientAuth(true));
                    }
                } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                    throw new Rejected("tlsTrustStore=" + trustFile + ": " + withoutFile(e, trustFile));
                }
                source += ", tlsClientAuth=" + clientAuth + ", tlsTrustStore=" + trustFile;
            }
            try {
                return ConfiguredTls.of(context, source);
            } catch (IllegalArgumentException noTls12Or13) {
                throw new Rejected("tlsKeyStore=" + keyFile + ": " + noTls12Or13.getMessage());
            }
        } finally {
            Arrays.fill(password, '\0');
            if (trustPassword != null) {
                Arrays.fill(trustPassword, '\0');
            }
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    /** The absolute path of a file key, so that the logs say where it was looked for. */
    private static Path path(String key, String value) throws Rejected {
        try {
            return Path.of(value).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new Rejected(key + "=" + value + ": not a path (" + e.getMessage() + ")");
        }
    }

    /** The message of {@code e} without the file name it starts with (TlsContexts names the file). */
    private static String withoutFile(Exception e, Path file) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
