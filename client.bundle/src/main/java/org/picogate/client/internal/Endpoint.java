package org.picogate.client.internal;

import java.net.URI;
import java.util.Locale;

/** Where a connection goes: the key of the pool. Scheme and host in lower case. */
record Endpoint(String scheme, String host, int port) {

    static Endpoint of(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return new Endpoint(scheme, url.getHost().toLowerCase(Locale.ROOT), port);
    }

    boolean secure() {
        return scheme.equals("https");
    }

    /** The host as {@link java.net.InetAddress} takes it: an IPv6 literal without its brackets. */
    String connectHost() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** The {@code Host} header: the port only when not the scheme's default. */
    String hostHeader() {
        boolean defaultPort = secure() ? port == 443 : port == 80;
        return defaultPort ? host : host + ":" + port;
    }

    @Override
    public String toString() {
        return scheme + "://" + hostHeader();
    }
}
