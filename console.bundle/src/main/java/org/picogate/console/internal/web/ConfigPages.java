package org.picogate.console.internal.web;

import java.util.List;
import java.util.Map;

import org.osgi.service.log.Logger;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.picogate.console.internal.config.ConfigField;
import org.picogate.console.internal.config.MetatypeForms;
import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.Response;

/** The configuration list and the form of each PID. */
public final class ConfigPages {

    private final MetatypeForms forms;
    private final Pages pages;
    private final Logger log;

    public ConfigPages(MetatypeForms forms, Pages pages, Logger log) {
        this.forms = forms;
        this.pages = pages;
        this.log = log;
    }

    public void list(Request request, Response response, Caller caller) throws Exception {
        pages.send(response, 200, "config-list.jte", Map.of("frame", Frame.of("Configuration", "config", caller),
                "pids", forms.pids()));
    }

    public void form(Request request, Response response, Caller caller) throws Exception {
        String pid = request.param("pid");
        ObjectClassDefinition ocd = definition(pid);
        show(response, 200, caller, pid, ocd, forms.fields(ocd, pid));
    }

    public void save(Request request, Response response, Caller caller) throws Exception {
        String pid = request.param("pid");
        ObjectClassDefinition ocd = definition(pid);
        MetatypeForms.Result result = forms.apply(ocd, pid, request.form().fields());
        String back = Guard.BASE + "/config/" + pid;
        if (!result.applied()) {
            if (caller.isScript()) {
                StringBuilder errors = new StringBuilder("not saved:");
                result.fields().stream().filter(f -> f.error() != null)
                        .forEach(f -> errors.append(' ').append(f.id()).append(": ").append(f.error()).append(';'));
                response.status(422).send(errors.append('\n').toString());
                return;
            }
            show(response, 422, caller, pid, ocd, result.fields());
            return;
        }
        // key names only: a changed password's value is never logged
        log.info("console: {} saved by {}, changed: {}", pid, caller.address(), result.changed());
        Outcomes.done(response, caller, back, result.changed().isEmpty() ? "saved " + pid + ": nothing changed"
                : "saved " + pid + ": " + String.join(", ", result.changed()));
    }

    private ObjectClassDefinition definition(String pid) {
        return forms.definition(pid).orElseThrow(() -> new HttpException(404,
                "Not Found: no bundle describes PID " + pid + " with Metatype"));
    }

    private void show(Response response, int status, Caller caller, String pid, ObjectClassDefinition ocd,
            List<ConfigField> fields) throws Exception {
        pages.send(response, status, "config-form.jte", Map.of("frame", Frame.of(ocd.getName(), "config", caller),
                "pid", pid, "name", ocd.getName(), "description",
                ocd.getDescription() == null ? "" : ocd.getDescription(), "fields", fields));
    }
}
