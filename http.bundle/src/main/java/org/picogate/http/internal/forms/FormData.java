package org.picogate.http.internal.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.picogate.http.FilePart;
import org.picogate.http.Form;

/** A parsed form: text fields by name, file parts in order. */
public final class FormData implements Form {
    private final Map<String, List<String>> fields;
    private final List<FilePart> files;

    FormData(Map<String, List<String>> fields, List<FilePart> files) {
        this.fields = fields;
        this.files = List.copyOf(files);
    }

    /** A form of text fields only (urlencoded). */
    public static FormData ofFields(Map<String, List<String>> fields) {
        return new FormData(fields, List.of());
    }

    /** Builds an unmodifiable field map from one collected in order. */
    static Map<String, List<String>> freeze(LinkedHashMap<String, List<String>> collected) {
        if (collected.isEmpty()) {
            return Map.of();
        }
        collected.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(collected);
    }

    @Override
    public String field(String name) {
        List<String> values = fields.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public List<String> fields(String name) {
        return fields.getOrDefault(name, List.of());
    }

    @Override
    public Map<String, List<String>> fields() {
        return fields;
    }

    @Override
    public FilePart file(String name) {
        for (FilePart f : files) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public List<FilePart> files(String name) {
        List<FilePart> named = new ArrayList<>(1);
        for (FilePart f : files) {
            if (f.name().equals(name)) {
                named.add(f);
            }
        }
        return named;
    }

    @Override
    public List<FilePart> files() {
        return files;
    }

    @Override
    public String toString() {
        return "Form[fields=" + fields.keySet() + ", files=" + files + "]";
    }
}
