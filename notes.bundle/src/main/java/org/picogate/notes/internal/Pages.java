package org.picogate.notes.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.TemplateOutput;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;

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

    /**
     * Sends page {@code template} with {@code status}, rendered into the response's buffer: a page that ends
     * within it (8 KiB) leaves with its Content-Length, head and body in one write.
     */
    void send(Response response, int status, String template, Map<String, Object> parameters) throws IOException {
        response.status(status).contentType("text/html; charset=utf-8");
        ResponseOutput output = new ResponseOutput(response);
        try {
            render(template, parameters, output);
        } catch (TemplateException e) {
            if (e.getCause() instanceof UncheckedIOException failed) {
                throw failed.getCause(); // the client has gone: as if the page had been written directly
            }
            throw e;
        }
        output.close();
    }

    /** A page rendered by calling its generated class: {@code render(output, null, parameters...)}. */
    @FunctionalInterface
    interface Direct {
        void render(HtmlTemplateOutput output);
    }

    /**
     * As {@link #send(Response, int, String, Map)}, for a page that calls its template's generated class
     * ({@code Jte<name>Generated.render}) itself: typed parameters, checked by javac, and none of the engine's
     * per-render work (the lookup by name, a map of parameters, a reflective call: a tenth of the list page's
     * CPU). What the engine would add, its HTML escaping output and its interceptor (none here), is the same.
     */
    void send(Response response, int status, Direct page) throws IOException {
        response.status(status).contentType("text/html; charset=utf-8");
        ResponseOutput output = new ResponseOutput(response);
        try {
            page.render(new OwaspHtmlTemplateOutput(output));
        } catch (UncheckedIOException failed) {
            throw failed.getCause(); // the client has gone: as if the page had been written directly
        }
        output.close();
    }
}
