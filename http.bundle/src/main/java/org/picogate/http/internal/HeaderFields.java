package org.picogate.http.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.picogate.http.Headers;

/**
 * Request header fields in the order received: two parallel arrays of lower-cased names and values. Lookups are
 * a linear scan (a request has a few dozen fields at most, bounded by {@link HttpLimits#maxHeaders()}), which
 * beats hashing at that size and allocates nothing. Names from the parser are canonical {@code String}s for the
 * common fields (see {@link RequestParser}), so most comparisons succeed on identity.
 *
 * <p>Filled by one task (the parser), then read-only; not synchronized.
 */
public final class HeaderFields implements Headers {
    private String[] names;
    private String[] values;
    private int size;

    public HeaderFields() {
        this(16);
    }

    public HeaderFields(int capacity) {
        names = new String[Math.max(capacity, 1)];
        values = new String[names.length];
    }

    /** Appends a field; {@code name} is lower-cased if it is not already. */
    public void add(String name, String value) {
        addLower(lower(name), value);
    }

    /** Appends a field whose name is known to be lower case already (the parser's). */
    void addLower(String lowerName, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = lowerName;
        values[size] = value;
        size++;
    }

    /** Replaces the value of the first field {@code name}, or appends it if there is none. */
    public void set(String name, String value) {
        int i = indexOf(lower(name), 0);
        if (i < 0) {
            add(name, value);
        } else {
            values[i] = value;
        }
    }

    /** The name of field line {@code i} (lower case). */
    public String name(int i) {
        checkIndex(i);
        return names[i];
    }

    /** The value of field line {@code i}. */
    public String value(int i) {
        checkIndex(i);
        return values[i];
    }

    @Override
    public String first(String name) {
        int i = indexOf(lower(name), 0);
        return i < 0 ? null : values[i];
    }

    @Override
    public List<String> all(String name) {
        String n = lower(name);
        int i = indexOf(n, 0);
        if (i < 0) {
            return List.of();
        }
        int j = indexOf(n, i + 1);
        if (j < 0) {
            return List.of(values[i]);
        }
        String[] found = new String[size - i];
        int count = 0;
        for (int k = i; k < size; k++) {
            if (same(names[k], n)) {
                found[count++] = values[k];
            }
        }
        return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(found, count)));
    }

    @Override
    public Set<String> names() {
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            result.add(names[i]);
        }
        return Collections.unmodifiableSet(result);
    }

    @Override
    public boolean contains(String name) {
        return indexOf(lower(name), 0) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    /** The field lines as {@code name: value} strings, for diagnostics. */
    public List<String> lines() {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                checkIndex(index);
                return names[index] + ": " + values[index];
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public String toString() {
        return lines().toString();
    }

    private int indexOf(String lowerName, int from) {
        for (int i = from; i < size; i++) {
            if (same(names[i], lowerName)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(String a, String b) {
        return a == b || a.equals(b);
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
    }

    /** {@code s} in ASCII lower case; {@code s} itself (no allocation) when it has no upper-case letter. */
    static String lower(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < n; j++) {
                    char d = chars[j];
                    if (d >= 'A' && d <= 'Z') {
                        chars[j] = (char) (d + 32);
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }
}
