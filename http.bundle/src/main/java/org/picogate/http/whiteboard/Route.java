package org.picogate.http.whiteboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Serves a {@code Handler} component at a route, in one annotation:
 *
 * <pre>
 * &#64;Component(service = Handler.class)
 * &#64;Route(value = "/notes/{id}", methods = { "GET", "PUT" })
 * public class NoteHandler implements Handler { ... }
 * </pre>
 *
 * It sets the service properties {@value HttpWhiteboard#ROUTE}, {@value HttpWhiteboard#METHODS} and
 * {@value HttpWhiteboard#REGEX}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Route {
    /** Prefix of the property names. */
    String PREFIX_ = "picogate.http.";

    /** The path pattern(s): property {@value HttpWhiteboard#ROUTE}. */
    String[] value() default {};

    /** The methods answered (a GET route answers HEAD too); GET when empty. */
    String[] methods() default {};

    /** Regex route(s) matched against the whole decoded path, groups as parameters. */
    String[] regex() default {};
}
