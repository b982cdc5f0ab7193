package org.picogate.notes.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.picogate.http.Form;
import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.Response;
import org.picogate.http.Routes;
import org.picogate.notes.internal.data.Note;
import org.picogate.notes.internal.data.NoteDraft;
import org.picogate.notes.internal.data.NoteLimits;
import org.picogate.notes.internal.data.NoteStore;
import org.picogate.notes.internal.data.NoteSummary;
import org.picogate.notes.internal.templates.JtelistGenerated;

/**
 * The HTML side of the app: list, view, add, edit and delete through pages and forms. A successful POST answers
 * 303 (see other) so that reloading the page that follows does not send the form again; a refused one shows the
 * form again with status 422, every problem named and what was typed kept. Errors, including those the server's
 * helpers raise (a malformed form, a body over the limit), are pages of the app's own layout.
 */
final class NotePages {

    private final NoteStore store;
    private final Pages pages;
    private final NoteLimits limits;
    private final String base;

    NotePages(NoteStore store, Pages pages, NoteLimits limits, String base) {
        this.store = store;
        this.pages = pages;
        this.limits = limits;
        this.base = base;
    }

    void addTo(Routes routes) {
        routes.get("/", page(this::list))
                .get("/notes/new", page(this::newForm))
                .post("/notes", page(this::create))
                .get("/notes/{id}", page(this::view))
                .get("/notes/{id}/edit", page(this::editForm))
                .post("/notes/{id}", page(this::update))
                .post("/notes/{id}/delete", page(this::delete));
    }

    private void list(Request request, Response response) throws Exception {
        List<NoteSummary> notes = store.summaries();
        pages.send(response, 200, output -> JtelistGenerated.render(output, null, base, notes)); // the hot page
    }

    private void view(Request request, Response response) throws Exception {
        pages.send(response, 200, "view.jte", Map.of("base", base, "note", existing(request)));
    }

    private void newForm(Request request, Response response) throws Exception {
        form(response, 200, "New note", base + "/notes", new NoteDraft("", ""), Map.of());
    }

    private void editForm(Request request, Response response) throws Exception {
        Note note = existing(request);
        form(response, 200, "Edit note", base + "/notes/" + note.id(),
                new NoteDraft(note.title(), note.content()), Map.of());
    }

    private void create(Request request, Response response) throws Exception {
        NoteDraft draft = draft(request.form());
        Map<String, String> problems = draft.problems(limits);
        if (!problems.isEmpty()) {
            form(response, 422, "New note", base + "/notes", draft, problems);
            return;
        }
        Note note = store.add(draft);
        response.redirect(303, base + "/notes/" + note.id());
    }

    private void update(Request request, Response response) throws Exception {
        long id = existing(request).id();
        NoteDraft draft = draft(request.form());
        Map<String, String> problems = draft.problems(limits);
        if (!problems.isEmpty()) {
            form(response, 422, "Edit note", base + "/notes/" + id, draft, problems);
            return;
        }
        if (store.update(id, draft).isEmpty()) {
            throw gone(id); // deleted since we looked
        }
        response.redirect(303, base + "/notes/" + id);
    }

    private void delete(Request request, Response response) throws Exception {
        long id = existing(request).id();
        if (!store.delete(id)) {
            throw gone(id);
        }
        response.redirect(303, base + "/");
    }

    private static NoteDraft draft(Form form) {
        return new NoteDraft(form.field("title"), form.field("content"));
    }

    private void form(Response response, int status, String heading, String action, NoteDraft draft,
            Map<String, String> problems) throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("base", base);
        parameters.put("heading", heading);
        parameters.put("action", action);
        parameters.put("draft", draft);
        parameters.put("problems", problems);
        parameters.put("limits", limits);
        pages.send(response, status, "form.jte", parameters);
    }

    /** The note the path names; 404 if the id is not a number or there is no such note. */
    private Note existing(Request request) throws Exception {
        OptionalLong id = NoteIds.of(request);
        Optional<Note> note = id.isPresent() ? store.find(id.getAsLong()) : Optional.empty();
        return note.orElseThrow(() -> new HttpException(404, "There is no note " + request.param("id") + "."));
    }

    private static HttpException gone(long id) {
        return new HttpException(404, "There is no note " + id + " any more.");
    }

    /** Answers an {@link HttpException} with the app's error page, unless the answer has begun already. */
    private Handler page(Handler handler) {
        return (request, response) -> {
            try {
                handler.handle(request, response);
            } catch (HttpException e) {
                if (response.committed()) {
                    throw e;
                }
                pages.send(response, e.status(), "error.jte",
                        Map.of("base", base, "status", e.status(), "message", e.getMessage()));
            }
        };
    }
}
