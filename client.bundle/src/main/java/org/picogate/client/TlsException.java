package org.picogate.client;

import java.net.URI;

/**
 * The TLS handshake failed: a certificate the trust store does not trust, a host name the certificate does not
 * name, no common protocol or cipher suite, a client certificate the server refused. The cause is the JDK's
 * {@link javax.net.ssl.SSLException}.
 */
public class TlsException extends HttpClientException {
    private static final long serialVersionUID = 1L;

    public TlsException(URI url, Throwable cause) {
        super(url, "TLS with " + url.getHost() + ":" + Urls.port(url) + " failed: " + cause.getMessage(), cause);
    }
}
