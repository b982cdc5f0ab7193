package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The notes app in Felix over HTTP: its bundle (notes.bundle, embedded here as notes.jar) is installed and started
 * as a user drops it into deploy/, with sqlite-jdbc and the HTTP whiteboard already running, and its SQLite file
 * in a temporary folder. Pages and JSON API: add, read, edit, delete; bad input refused with nothing stored.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class NotesCrudTest {
    static final String NOTES_PID = "org.picogate.notes";
    static final String NOTES = "org.picogate.notes";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_CONTENT = 1000;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Bundle notes;
    private String base;

    @BeforeEach
    void start() throws Exception {
        int port = HttpFixture.freePort();
        base = "http://127.0.0.1:" + port;
        HttpFixture.serve(configAdmin, port, "maxBody", (long) MAX_BODY);
        Dictionary<String, Object> notesProps = new Hashtable<>();
        notesProps.put("databaseFile", data.resolve("db/notes.db").toString());
        notesProps.put("maxContentLength", MAX_CONTENT);
        configAdmin.getConfiguration(NOTES_PID, "?").update(notesProps);

        try (InputStream jar = getClass().getResourceAsStream("/notes.jar")) {
            assertThat(jar).as("notes.jar in the tests bundle").isNotNull();
            notes = context.installBundle("picogate-itests:notes.jar", jar);
        }
        assertThat(notes.getSymbolicName()).isEqualTo(NOTES);
        notes.start();
        awaitServed();
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        if (notes != null) {
            notes.uninstall();
        }
        configAdmin.getConfiguration(NOTES_PID, "?").delete();
        HttpFixture.reset(configAdmin);
    }

    private void awaitServed() throws InterruptedException {
        Await.until(WAIT, () -> "the notes list on " + base, () -> {
            try {
                return get("/").statusCode() == 200;
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)));
    }

    private HttpResponse<String> postForm(String path, String... fieldsAndValues) throws Exception {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(fieldsAndValues[i]).append('=')
                    .append(URLEncoder.encode(fieldsAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form.toString())));
    }

    private HttpResponse<String> sendJson(String method, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(json)));
    }

    private static long idIn(String location) {
        Matcher m = Pattern.compile("/notes/(\\d+)$").matcher(location);
        assertThat(m.find()).as("a note's URL: " + location).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void pagesAddViewEditAndDeleteANote() throws Exception {
        HttpResponse<String> empty = get("/");
        assertThat(empty.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(empty.body()).contains("No notes yet.");
        assertThat(get("/notes/new").body()).contains("<form method=\"post\" action=\"/notes\"");

        HttpResponse<String> added = postForm("/notes", "title", "Milk & <eggs>", "content", "two\nlitres");
        assertThat(added.statusCode()).isEqualTo(303);
        String location = added.headers().firstValue("Location").orElseThrow();
        long id = idIn(location);
        HttpResponse<String> view = get("/notes/" + id);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("<h1 id=\"note-title\">Milk &amp; &lt;eggs&gt;</h1>").contains("two\nlitres");
        assertThat(get("/").body()).contains("<a href=\"/notes/" + id + "\">Milk &amp; &lt;eggs&gt;</a>");

        assertThat(get("/notes/" + id + "/edit").body()).contains("value=\"Milk &amp; &lt;eggs>\"");
        HttpResponse<String> edited = postForm("/notes/" + id, "title", "Oat milk", "content", "one litre");
        assertThat(edited.statusCode()).isEqualTo(303);
        assertThat(edited.headers().firstValue("Location").orElseThrow()).endsWith("/notes/" + id);
        assertThat(get("/notes/" + id).body()).contains("Oat milk").contains("one litre").doesNotContain("eggs");

        HttpResponse<String> deleted = postForm("/notes/" + id + "/delete");
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/");
        HttpResponse<String> gone = get("/notes/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("There is no note " + id + ".");
        assertThat(get("/").body()).contains("No notes yet.");
    }

    @Test
    void pagesRefuseBadInputAndStoreNothing() throws Exception {
        HttpResponse<String> untitled = postForm("/notes", "title", "   ", "content", "kept text");
        assertThat(untitled.statusCode()).isEqualTo(422);
        assertThat(untitled.body()).contains("A title is required.").contains(">kept text</textarea>");

        HttpResponse<String> tooLong = postForm("/notes", "title", "t", "content", "x".repeat(MAX_CONTENT + 1));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("at most " + MAX_CONTENT + " are allowed");

        HttpResponse<String> overBody = postForm("/notes", "title", "t", "content", "x".repeat(MAX_BODY));
        assertThat(overBody.statusCode()).isEqualTo(413);

        assertThat(get("/notes/999").statusCode()).isEqualTo(404);
        assertThat(get("/notes/abc").statusCode()).isEqualTo(404);
        assertThat(get("/notes/999/edit").statusCode()).isEqualTo(404);
        assertThat(postForm("/notes/999", "title", "x").statusCode()).isEqualTo(404);
        assertThat(postForm("/notes/999/delete").statusCode()).isEqualTo(404);

        assertThat(get("/api/notes").body()).isEqualTo("[]");
    }

    @Test
    void jsonApiAddsReadsReplacesAndDeletesANote() throws Exception {
        HttpResponse<String> created = sendJson("POST", "/api/notes", "{\"title\":\"Sensor 7\",\"content\":\"22.5 °C\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        long id = idIn(created.headers().firstValue("Location").orElseThrow());
        assertThat(created.body()).contains("\"id\":" + id, "\"title\":\"Sensor 7\"", "\"content\":\"22.5 °C\"",
                "\"created\":\"");

        assertThat(get("/api/notes/" + id).body()).contains("\"title\":\"Sensor 7\"");
        assertThat(get("/api/notes").body()).startsWith("[{\"id\":" + id);

        HttpResponse<String> replaced = sendJson("PUT", "/api/notes/" + id, "{\"title\":\"Sensor 8\"}");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.body()).contains("\"title\":\"Sensor 8\"", "\"content\":\"\"");

        HttpResponse<String> deleted = send(
                HttpRequest.newBuilder(URI.create(base + "/api/notes/" + id)).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
        HttpResponse<String> gone = get("/api/notes/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("{\"error\":\"there is no note " + id + "\"}");
    }

    @Test
    void jsonApiRefusesBadInputAndStoresNothing() throws Exception {
        HttpResponse<String> malformed = sendJson("POST", "/api/notes", "{\"title\": \"unclosed");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).startsWith("{\"error\":\"");

        assertThat(sendJson("POST", "/api/notes", "[\"a list\"]").statusCode()).isEqualTo(400);
        HttpResponse<String> numberTitle = sendJson("POST", "/api/notes", "{\"title\": 42}");
        assertThat(numberTitle.statusCode()).isEqualTo(400);
        assertThat(numberTitle.body()).contains("\\\"title\\\" must be a string");

        HttpResponse<String> untitled = sendJson("POST", "/api/notes", "{\"title\":\"\",\"content\":\"x\"}");
        assertThat(untitled.statusCode()).isEqualTo(422);
        assertThat(untitled.body()).contains("\"problems\":{\"title\":\"A title is required.\"}");

        HttpResponse<String> notJson = send(HttpRequest.newBuilder(URI.create(base + "/api/notes"))
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString("{\"title\":\"t\"}")));
        assertThat(notJson.statusCode()).isEqualTo(415);

        assertThat(sendJson("PUT", "/api/notes/999", "{\"title\":\"t\"}").statusCode()).isEqualTo(404);
        assertThat(get("/api/notes").body()).isEqualTo("[]");
    }

    @Test
    void theStyleSheetIsServedAndNotesOutliveARestartOfTheBundle() throws Exception {
        HttpResponse<String> css = get("/static/notes.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(css.headers().firstValue("ETag")).isPresent();

        long id = idIn(postForm("/notes", "title", "kept").headers().firstValue("Location").orElseThrow());
        assertThat(data.resolve("db/notes.db")).isRegularFile();
        notes.stop();
        notes.start();
        awaitServed();
        assertThat(get("/notes/" + id).body()).contains("kept");
    }
}
