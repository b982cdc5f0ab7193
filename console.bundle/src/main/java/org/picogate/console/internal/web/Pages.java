package org.picogate.console.internal.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;

import org.picogate.http.Response;

/**
 * Renders the jte templates (src/main/jte, compiled to classes at build time) straight into a response; every
 * {@code ${...}} is HTML-escaped for where it stands. As in the notes app, the engine is made with this bundle's
 * class loader as the thread's context loader, which jte keeps to load the template classes.
 */
public final class Pages {

    static final String TEMPLATE_PACKAGE = "org.picogate.console.internal.templates";

    private final TemplateEngine engine = precompiledEngine();

    private static TemplateEngine precompiledEngine() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader bundle = Pages.class.getClassLoader();
        thread.setContextClassLoader(bundle);
        try {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, bundle, TEMPLATE_PACKAGE);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Renders {@code template} into {@code writer}. */
    public void render(String template, Map<String, Object> parameters, Writer writer) {
        engine.render(template, parameters, new WriterOutput(writer));
    }

    /** Sends page {@code template} with {@code status}. */
    public void send(Response response, int status, String template, Map<String, Object> parameters)
            throws IOException {
        response.status(status).contentType("text/html; charset=utf-8");
        try (Writer writer = response.writer()) {
            render(template, parameters, writer);
        }
    }
}
