package org.picogate.client.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.picogate.config.ConfigCheck;
import org.picogate.client.SessionOptions;

/**
 * What every bundle's client shares: the default session options of PID {@code org.picogate.client}, and the
 * open sessions with their owners (for the Gogo command). Registered under its private class.
 */
@Component(service = ClientRuntime.class, configurationPid = ClientConfig.PID)
@Designate(ocd = ClientConfig.class)
public final class ClientRuntime {
    static final Logger LOG = System.getLogger("org.picogate.client");

    private volatile SessionOptions defaults = SessionOptions.defaults();
    private final Map<SessionImpl, String> sessions = new ConcurrentHashMap<>();

    @Activate
    public ClientRuntime(ClientConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    @Modified
    void modified(ClientConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    SessionOptions defaults() {
        return defaults;
    }

    void opened(SessionImpl session, String owner) {
        sessions.put(session, owner);
    }

    void closed(SessionImpl session) {
        sessions.remove(session);
    }

    Map<SessionImpl, String> sessions() {
        return Map.copyOf(sessions);
    }

    /**
     * Applies the configuration whole, or logs what is wrong and keeps the options in force (at the start the
     * defaults: a value of the wrong type must not fail the component, and every bundle's client with it).
     */
    private void apply(ClientConfig c, Map<String, Object> properties) {
        ConfigCheck check = ConfigCheck.of(ClientConfig.class, c, properties);
        if (!check.unknownKeys().isEmpty()) {
            LOG.log(Level.WARNING, () -> ClientConfig.PID + ": ignored unknown key(s) "
                    + String.join(", ", check.unknownKeys()));
        }
        if (!check.valid()) {
            SessionOptions kept = defaults;
            LOG.log(Level.ERROR, () -> ClientConfig.PID + ": rejected " + String.join(", ", check.invalidValues())
                    + "; keeping " + kept);
            return;
        }
        try {
            defaults = toOptions(c);
        } catch (IllegalArgumentException e) {
            SessionOptions kept = defaults;
            LOG.log(Level.ERROR, () -> ClientConfig.PID + ": rejected the configuration (" + e.getMessage()
                    + "); keeping " + kept);
        }
    }

    static SessionOptions toOptions(ClientConfig c) {
        return SessionOptions.defaults()
                .withConnectTimeout(Duration.ofMillis(c.connectTimeoutMillis()))
                .withReadTimeout(Duration.ofMillis(c.readTimeoutMillis()))
                .withTotalTimeout(Duration.ofMillis(c.totalTimeoutMillis()))
                .withMaxConnectionsPerHost(c.maxConnectionsPerHost())
                .withMaxConnections(c.maxConnections())
                .withIdleTimeout(Duration.ofMillis(c.idleTimeoutMillis()))
                .withMaxRedirects(c.maxRedirects())
                .withMaxBodyBytes(c.maxBodyBytes())
                .withAcceptGzip(c.acceptGzip());
    }
}
