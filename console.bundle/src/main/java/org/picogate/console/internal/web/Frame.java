package org.picogate.console.internal.web;

import org.picogate.console.internal.security.Sessions.Flash;

/**
 * What the layout of every page needs: its title, the menu entry to highlight, the CSRF token its forms carry,
 * and the message left by the last action.
 */
public record Frame(String title, String section, String csrfToken, Flash flash) {

    public static Frame of(String title, String section, Caller caller) {
        return new Frame(title, section, caller.csrfToken(), caller.takeFlash());
    }
}
