package org.picogate.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Header fields in the order received, names compared without regard to case (RFC 9110 5.1). Immutable.
 * Lookups scan the list: a response has a handful of fields, and a scan of them costs less than a map.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(new String[0]);

    /** Names and values alternating. */
    private final String[] fields;

    private Headers(String[] fields) {
        this.fields = fields;
    }

    /** No fields. */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Fields from names and values alternating: {@code of("Accept", "text/plain", "X-Id", "7")}.
     *
     * @throws IllegalArgumentException if the count is odd or a name or value is null
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate: odd count "
                    + namesAndValues.length);
        }
        for (String s : namesAndValues) {
            if (s == null) {
                throw new IllegalArgumentException("null name or value in " + Arrays.toString(namesAndValues));
            }
        }
        return new Headers(namesAndValues.clone());
    }

    /** The first value of {@code name}. */
    public Optional<String> first(String name) {
        return Optional.ofNullable(value(name));
    }

    /** The first value of {@code name}, or {@code null}. */
    public String value(String name) {
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    /** Every value of {@code name}, in order; empty if none. */
    public List<String> all(String name) {
        List<String> values = null;
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                if (values == null) {
                    values = new ArrayList<>(2);
                }
                values.add(fields[i + 1]);
            }
        }
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    public boolean contains(String name) {
        return value(name) != null;
    }

    /** Number of fields (a name sent twice counts twice). */
    public int size() {
        return fields.length / 2;
    }

    /** The fields in order, names as received. */
    public List<Map.Entry<String, String>> entries() {
        List<Map.Entry<String, String>> entries = new ArrayList<>(size());
        for (int i = 0; i < fields.length; i += 2) {
            entries.add(Map.entry(fields[i], fields[i + 1]));
        }
        return entries;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers other && Arrays.equals(fields, other.fields);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fields);
    }

    /** One {@code name: value} per line. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            s.append(fields[i]).append(": ").append(fields[i + 1]).append('\n');
        }
        return s.toString();
    }

    /** Whether {@code name} has {@code token} in its comma-separated values (such as {@code Connection: close}). */
    public boolean hasToken(String name, String token) {
        Objects.requireNonNull(token, "token");
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                for (String part : fields[i + 1].split(",")) {
                    if (part.strip().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
