package org.picogate.notes.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.picogate.http.Handler;
import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.Response;
import org.picogate.http.Routes;
import org.picogate.notes.internal.data.Note;
import org.picogate.notes.internal.data.NoteDraft;
import org.picogate.notes.internal.data.NoteLimits;
import org.picogate.notes.internal.data.NoteStore;

/**
 * The JSON API under {@code /api/notes}. A note is {@code {"id", "title", "content", "created", "updated"}} with
 * times in ISO-8601 UTC; POST and PUT take {@code {"title", "content"}}. Every error is
 * {@code {"error": "..."}}, plus {@code "problems"} by field when a note is refused (422): malformed JSON or a
 * body that is not such an object gives 400, an unknown id 404, and nothing is stored.
 */
final class NotesApi {

    private final NoteStore store;
    private final NoteLimits limits;
    private final String base;

    NotesApi(NoteStore store, NoteLimits limits, String base) {
        this.store = store;
        this.limits = limits;
        this.base = base;
    }

    void addTo(Routes routes) {
        routes.get("/api/notes", jsonErrors(this::list))
                .post("/api/notes", jsonErrors(this::create))
                .get("/api/notes/{id}", jsonErrors(this::read))
                .put("/api/notes/{id}", jsonErrors(this::replace))
                .delete("/api/notes/{id}", jsonErrors(this::delete));
    }

    private void list(Request request, Response response) throws Exception {
        List<Map<String, Object>> notes = store.list().stream().map(NotesApi::toJson).toList();
        response.json(notes);
    }

    private void read(Request request, Response response) throws Exception {
        response.json(toJson(existing(request)));
    }

    private void create(Request request, Response response) throws Exception {
        Note note = store.add(valid(draft(request)));
        response.status(201).header("Location", base + "/api/notes/" + note.id());
        response.json(toJson(note));
    }

    private void replace(Request request, Response response) throws Exception {
        long id = existing(request).id();
        NoteDraft draft = valid(draft(request));
        Note note = store.update(id, draft).orElseThrow(() -> unknown(String.valueOf(id)));
        response.json(toJson(note));
    }

    private void delete(Request request, Response response) throws Exception {
        long id = existing(request).id();
        if (!store.delete(id)) {
            throw unknown(String.valueOf(id));
        }
        response.status(204); // nothing written: 204 No Content
    }

    /** The body as a draft: a JSON object whose {@code title} and {@code content} are strings (or absent). */
    private static NoteDraft draft(Request request) throws Exception {
        if (!(request.json() instanceof Map<?, ?> object)) {
            throw new HttpException(400, "the body must be a JSON object with \"title\" and \"content\"");
        }
        return new NoteDraft(string(object, "title"), string(object, "content"));
    }

    private static String string(Map<?, ?> object, String field) {
        Object value = object.get(field);
        if (value != null && !(value instanceof String)) {
            throw new HttpException(400, "\"" + field + "\" must be a string");
        }
        return (String) value;
    }

    private NoteDraft valid(NoteDraft draft) {
        Map<String, String> problems = draft.problems(limits);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return draft;
    }

    private Note existing(Request request) throws Exception {
        OptionalLong id = NoteIds.of(request);
        Optional<Note> note = id.isPresent() ? store.find(id.getAsLong()) : Optional.empty();
        return note.orElseThrow(() -> unknown(request.param("id")));
    }

    private static HttpException unknown(String id) {
        return new HttpException(404, "there is no note " + id);
    }

    private static Map<String, Object> toJson(Note note) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", note.id());
        json.put("title", note.title());
        json.put("content", note.content());
        json.put("created", note.created().toString());
        json.put("updated", note.updated().toString());
        return json;
    }

    /** A draft that may not be stored, with its problems by field. */
    private static final class Refused extends HttpException {
        private static final long serialVersionUID = 1L;
        final transient Map<String, String> problems;

        Refused(Map<String, String> problems) {
            super(422, "the note was not stored");
            this.problems = problems;
        }
    }

    /** Answers every {@link HttpException} as a JSON error, unless the answer has begun already. */
    private static Handler jsonErrors(Handler handler) {
        return (request, response) -> {
            try {
                handler.handle(request, response);
            } catch (HttpException e) {
                if (response.committed()) {
                    throw e;
                }
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", e.getMessage());
                if (e instanceof Refused refused) {
                    error.put("problems", refused.problems);
                }
                response.status(e.status()).json(error);
            }
        };
    }
}
