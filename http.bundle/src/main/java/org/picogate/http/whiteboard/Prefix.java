package org.picogate.http.whiteboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Puts every route of an {@code App} component under a path prefix, or limits an {@code ErrorHandler}
 * component to the errors of the paths under it: {@code @Prefix("/notes")} sets the service property
 * {@value HttpWhiteboard#PREFIX}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Prefix {
    /** Prefix of the property name. */
    String PREFIX_ = "picogate.http.";

    /** The path prefix, such as {@code /notes}. */
    String value();
}
