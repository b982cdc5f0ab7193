package org.picogate.notes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import gg.jte.TemplateNotFoundException;
import gg.jte.output.StringOutput;

import org.junit.jupiter.api.Test;
import org.picogate.http.Response;
import org.picogate.notes.internal.data.Note;
import org.picogate.notes.internal.data.NoteDraft;
import org.picogate.notes.internal.data.NoteLimits;
import org.picogate.notes.internal.data.NoteSummary;
import org.picogate.notes.internal.templates.JtelistGenerated;

/** The precompiled templates, rendered by the same engine the app uses (no template compiler on the path). */
class PagesTest {

    private final Pages pages = new Pages();
    private final Instant at = Instant.parse("2026-11-29T10:15:30Z");

    private String render(String template, Map<String, Object> parameters) {
        StringOutput out = new StringOutput();
        pages.render(template, parameters, out);
        return out.toString();
    }

    @Test
    void theListLinksEveryNoteUnderTheBase() {
        String html = render("list.jte", Map.of("base", "/app", "notes",
                List.of(new NoteSummary(7, "Seven", at), new NoteSummary(3, "Three", at))));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>All notes · Notes</title>")
                .contains("<a href=\"/app/notes/7\">Seven</a>").contains("<a href=\"/app/notes/3\">Three</a>")
                .contains("href=\"/app/static/notes.css\"").contains("2026-11-29 10:15 UTC");
        assertThat(html.indexOf("Seven")).isLessThan(html.indexOf("Three"));
    }

    @Test
    void anEmptyListInvitesTheFirstNote() {
        assertThat(render("list.jte", Map.of("base", "", "notes", List.of())))
                .contains("No notes yet.").contains("href=\"/notes/new\"").doesNotContain("<ul class=\"notes\">");
    }

    @Test
    void whatUsersTypedIsEscapedInTextAndInAttributes() {
        Note note = new Note(1, "<script>alert(1)</script>", "a & b\n<img src=x onerror=alert(2)>", at, at);
        String view = render("view.jte", Map.of("base", "", "note", note));
        assertThat(view).contains("<h1 id=\"note-title\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>")
                .doesNotContain("<script>").contains("a &amp; b\n&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<img");

        String form = render("form.jte", Map.of("base", "", "heading", "Edit", "action", "/notes/1",
                "draft", new NoteDraft("\"><b>quoted", ""), "problems", Map.of(), "limits", new NoteLimits(200, 9)));
        assertThat(form).contains("value=\"&#34;>&lt;b>quoted\"").doesNotContain("\"><b>");
    }

    @Test
    void theFormShowsEveryProblemAndKeepsWhatWasTyped() {
        String form = render("form.jte", Map.of("base", "", "heading", "New note", "action", "/notes",
                "draft", new NoteDraft("", "my text"), "problems", Map.of("title", "A title is required."),
                "limits", new NoteLimits(200, 9)));
        assertThat(form).contains("id=\"problems\"").contains("<li>A title is required.</li>")
                .contains(">my text</textarea>").contains("action=\"/notes\"").contains("maxlength=\"200\"");
    }

    @Test
    void aChangedNoteSaysWhenItChanged() {
        Note note = new Note(1, "t", "c", at, at.plusSeconds(3600));
        assertThat(render("view.jte", Map.of("base", "", "note", note))).contains("changed")
                .contains("2026-11-29 11:15 UTC");
        assertThat(render("view.jte", Map.of("base", "", "note", new Note(1, "t", "c", at, at))))
                .doesNotContain("changed");
    }

    @Test
    void templatesLoadThroughThisBundlesLoaderWhateverTheContextLoaderOfTheCreatingThread() throws Exception {
        // in Felix, SCR activates the app on a thread whose context loader cannot see the bundle's classes
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        Pages created;
        try (URLClassLoader blind = new URLClassLoader(new URL[0], null)) {
            thread.setContextClassLoader(blind);
            created = new Pages();
        } finally {
            thread.setContextClassLoader(previous);
        }
        StringOutput out = new StringOutput();
        created.render("list.jte", Map.of("base", "", "notes", List.of()), out);
        assertThat(out.toString()).contains("No notes yet.");
    }

    /**
     * A response whose {@code output()} and {@code writer()} (UTF-8, unbuffered) are two faces of {@code body},
     * as the server's are; {@code failing} makes both throw, as for a client that has gone.
     */
    private static Response response(ByteArrayOutputStream body, boolean failing) {
        OutputStream bytes = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (failing) {
                    throw new IOException("Broken pipe");
                }
                body.write(b, off, len);
            }
        };
        Writer text = new Writer() {
            @Override
            public void write(char[] chars, int off, int len) throws IOException {
                bytes.write(new String(chars, off, len).getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        return (Response) Proxy.newProxyInstance(Response.class.getClassLoader(), new Class<?>[] { Response.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "status", "contentType" -> proxy;
                    case "output" -> bytes;
                    case "writer" -> text;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void sendRendersThePrecompiledBytesAndTheValuesInOrderIntoTheResponse() throws Exception {
        Map<String, Object> parameters = Map.of("base", "/app", "notes",
                List.of(new NoteSummary(7, "Zoë & <b>", at), new NoteSummary(3, "🙂 Three", at)));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        pages.send(response(body, false), 200, "list.jte", parameters);
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo(render("list.jte", parameters))
                .contains("<a href=\"/app/notes/7\">Zoë &amp; &lt;b&gt;</a>").contains(">🙂 Three</a>")
                .contains("<time datetime=\"2026-11-29T10:15:30Z\">2026-11-29 10:15 UTC</time>");
    }

    @Test
    void aClientThatHasGoneIsAnIoExceptionNotATemplateError() {
        Response gone = response(new ByteArrayOutputStream(), true);
        assertThatThrownBy(() -> pages.send(gone, 200, "list.jte", Map.of("base", "", "notes", List.of())))
                .isInstanceOf(IOException.class).hasMessage("Broken pipe");
    }

    @Test
    void aPageSentThroughItsGeneratedClassIsTheEnginesPage() throws Exception {
        List<NoteSummary> notes = List.of(new NoteSummary(7, "Zoë & <b>", at), new NoteSummary(3, "🙂 Three", at));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        pages.send(response(body, false), 200, output -> JtelistGenerated.render(output, null, "/app", notes));
        assertThat(body.toString(StandardCharsets.UTF_8))
                .isEqualTo(render("list.jte", Map.of("base", "/app", "notes", notes)))
                .contains("Zoë &amp; &lt;b&gt;");
        Response gone = response(new ByteArrayOutputStream(), true);
        assertThatThrownBy(() -> pages.send(gone, 200, output -> JtelistGenerated.render(output, null, "", notes)))
                .isInstanceOf(IOException.class).hasMessage("Broken pipe");
    }

    @Test
    void anUnknownTemplateFails() {
        assertThatThrownBy(() -> render("missing.jte", Map.of())).isInstanceOf(TemplateNotFoundException.class);
    }
}
