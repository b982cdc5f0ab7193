package org.picogate.console.internal.web;

import org.picogate.console.internal.security.Sessions.Flash;
import org.picogate.console.internal.security.Sessions.Session;

/**
 * Who is calling: a logged-in browser session, or a script with the bearer token. Actions answer a session with
 * a redirect and a message on the next page, and a script with the message as plain text.
 *
 * @param session the session, or {@code null} for the token
 * @param address the client's address, for the log
 */
public record Caller(Session session, String address) {

    public boolean isScript() {
        return session == null;
    }

    /** The token the page's forms carry; empty for a script, which needs none. */
    public String csrfToken() {
        return session == null ? "" : session.csrfToken();
    }

    /** The message left for this page, once; {@code null} if none. */
    public Flash takeFlash() {
        return session == null ? null : session.takeFlash();
    }
}
