package org.picogate.notes.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.WriterOutput;

import org.picogate.http.Response;

/**
 * Renders the jte templates (src/main/jte, compiled to classes at build time) straight into a response. The
 * engine only loads those classes, through this bundle's class loader, which holds them and jte's runtime;
 * every {@code ${...}} is HTML-escaped for where it stands (text or attribute).
 */
final class Pages {

    /** The package jte-maven-plugin generates the template classes in (pom.xml). */
    static final String TEMPLATE_PACKAGE = "org.picogate.notes.internal.templates";

    private final TemplateEngine engine = precompiledEngine();

    /**
     * jte 3.2's engine for precompiled classes without a class folder ignores the class loader it is given and
     * keeps the thread's context class loader of the moment: in a framework that is whatever the activating
     * thread had (SCR's), which cannot see this bundle's classes. So it is created with ours as that loader.
     */
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

    /** Renders page {@code template} (such as {@code "list.jte"}) into {@code output}. */
    void render(String template, Map<String, Object> parameters, TemplateOutput output) {
        engine.render(template, parameters, output);
    }

    /** Sends page {@code template} with {@code status}, streamed into the response as it renders. */
    void send(Response response, int status, String template, Map<String, Object> parameters) throws IOException {
        response.status(status).contentType("text/html; charset=utf-8");
        // the response's writer: a page that ends within its 8 KiB buffer leaves with a Content-Length, in one write
        // (an OutputStreamWriter's close would flush, forcing the page to be streamed chunked)
        try (Writer writer = response.writer()) {
            render(template, parameters, new WriterOutput(writer));
        }
    }
}
