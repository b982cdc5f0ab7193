package org.picogate.http.internal.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A route path such as {@code /notes} or {@code /notes/{id}/edit}: segments between slashes, each a literal or a
 * parameter {@code {name}} that matches one non-empty segment. A trailing slash is a segment of its own (empty), so
 * {@code /a/} and {@code /a} are different routes.
 */
public final class PathPattern implements RoutePattern {
    private final String source;
    /** Per segment: the literal, or {@code null} for a parameter. */
    private final String[] literals;
    /** The parameters' names, in order. */
    private final String[] names;
    private final String key;

    private PathPattern(String source, String[] literals, String[] names, String key) {
        this.source = source;
        this.literals = literals;
        this.names = names;
        this.key = key;
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException saying why it is not one: not starting with {@code /}, an empty segment
     *         ({@code //}) other than the trailing one, braces that do not enclose a whole segment, a parameter name
     *         that is not a Java-like identifier or used twice, or a character that cannot be in a decoded path
     *         ({@code ?}, {@code #}, control characters)
     */
    public static PathPattern parse(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw bad(pattern, "a route path starts with /");
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw bad(pattern, "a control character at index " + i);
            }
            if (c == '?' || c == '#') {
                throw bad(pattern, "'" + c + "' at index " + i + " (a route matches the path, without query)");
            }
        }
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        StringBuilder key = new StringBuilder();
        for (int start = 1;;) {
            int end = pattern.indexOf('/', start);
            boolean last = end < 0;
            String segment = pattern.substring(start, last ? pattern.length() : end);
            if (segment.startsWith("{") && segment.endsWith("}") && segment.length() > 1) {
                String name = segment.substring(1, segment.length() - 1);
                if (!isName(name)) {
                    throw bad(pattern, "parameter name '" + name + "' is not a name (letters, digits, _; no digit "
                            + "first)");
                }
                if (!seen.add(name)) {
                    throw bad(pattern, "parameter {" + name + "} twice");
                }
                literals.add(null);
                names.add(name);
                key.append("/{}");
            } else {
                if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                    throw bad(pattern, "a parameter is a whole segment, such as /{id}: '" + segment + "'");
                }
                if (segment.isEmpty() && !last) {
                    throw bad(pattern, "an empty segment (//)");
                }
                literals.add(segment);
                key.append('/').append(segment);
            }
            if (last) {
                break;
            }
            start = end + 1;
        }
        return new PathPattern(pattern, literals.toArray(String[]::new), names.toArray(String[]::new),
                key.toString());
    }

    static boolean isName(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException bad(String pattern, String why) {
        return new IllegalArgumentException("bad route path " + pattern + ": " + why);
    }

    /** Number of segments. */
    int size() {
        return literals.length;
    }

    /** The literal of segment {@code i}, or {@code null} if it is a parameter. */
    String literal(int i) {
        return literals[i];
    }

    /** The name of the {@code i}-th parameter. */
    String name(int i) {
        return names[i];
    }

    int parameterCount() {
        return names.length;
    }

    /** Whether it has no parameter. */
    boolean exact() {
        return names.length == 0;
    }

    @Override
    public String label() {
        return source;
    }

    @Override
    public String source() {
        return source;
    }

    /** The shape, parameter names left out: {@code /notes/{id}} and {@code /notes/{n}} are the same route. */
    @Override
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return source;
    }
}
