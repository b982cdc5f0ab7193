package org.picogate.console.internal.web;

import java.io.IOException;

import org.picogate.console.internal.security.Sessions.Flash;
import org.picogate.http.Response;

/**
 * How an action answers: a browser is sent back to a page (303, Post/Redirect/Get) that shows the message; a
 * script gets the message as plain text, with the status saying whether it worked.
 */
public final class Outcomes {

    private Outcomes() {
    }

    public static void done(Response response, Caller caller, String backTo, String message) throws IOException {
        if (caller.isScript()) {
            response.status(200).send(message + "\n");
            return;
        }
        caller.session().flash(new Flash(false, message));
        response.redirect(303, backTo);
    }

    public static void failed(Response response, Caller caller, String backTo, ActionException failure)
            throws IOException {
        if (caller.isScript()) {
            response.status(failure.status()).send(failure.getMessage() + "\n");
            return;
        }
        caller.session().flash(new Flash(true, failure.getMessage()));
        response.redirect(303, backTo);
    }
}
