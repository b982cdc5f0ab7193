package org.picogate.http;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where an {@link App} declares its routes (picoweb's route table). Patterns are paths such as {@code /notes} or
 * {@code /notes/{id}} (a parameter matches one non-empty segment, read with {@link Request#param(String)});
 * {@link #regex} takes a Java regular expression matched against the whole path, whose named and numbered groups
 * are the parameters. A GET route answers HEAD too. Methods return {@code this} for chaining.
 */
@ProviderType
public interface Routes {

    Routes route(String method, String pattern, Handler handler);

    Routes regex(String method, String regex, Handler handler);

    /** Serves the files under {@code dir} at {@code prefix} (GET and HEAD), as the server's static files are. */
    Routes statics(String prefix, Path dir);

    default Routes get(String pattern, Handler handler) {
        return route("GET", pattern, handler);
    }

    default Routes post(String pattern, Handler handler) {
        return route("POST", pattern, handler);
    }

    default Routes put(String pattern, Handler handler) {
        return route("PUT", pattern, handler);
    }

    default Routes delete(String pattern, Handler handler) {
        return route("DELETE", pattern, handler);
    }

    default Routes patch(String pattern, Handler handler) {
        return route("PATCH", pattern, handler);
    }
}
