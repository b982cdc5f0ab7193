package org.picogate.http.internal.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a regex route goes in the router's {@link RegexIndex}: the literal text every path it matches starts with,
 * and the whole path segments that text fixes. {@code /archive/(?<year>\d{4})} starts with {@code /archive/}, so
 * it can only match paths whose first segment is {@code archive}; {@code \Q/files\E(/.*)?} (a static directory)
 * only paths whose first segment is {@code files}.
 *
 * <p>The scan is conservative: whatever it does not understand ends the literal text. A regex with a top-level
 * alternation ({@code /a|/b}) or that starts with a construct ({@code (?i)/a}, {@code .*}, {@code [a-z]+}) has no
 * literal text and no segment: it goes to the index's root, the list every lookup scans.
 *
 * @param literal what every matched path starts with ({@code ""} if nothing is known)
 * @param segments the leading path segments every matched path has, in order
 */
record RegexKey(String literal, List<String> segments) {
    static final RegexKey NONE = new RegexKey("", List.of());

    /**
     * What may follow the literal text of a regex while still closing the segment the text ends in: the end of
     * the path, or a slash that starts the rest (the optional sub-path of a static directory, {@code (/.*)?}).
     */
    private static final Set<String> CLOSERS = Set.of("", "$", "/?", "/?$", "/.*", "(/.*)?", "(/.*)", "(?:/.*)?",
            "(?:/.*)");

    private static final String SPECIAL = "^$.|?*+()[]{}";

    static RegexKey of(String regex) {
        if (regex.isEmpty() || topLevelAlternation(regex)) {
            return NONE;
        }
        StringBuilder literal = new StringBuilder();
        int i = regex.charAt(0) == '^' ? 1 : 0; // matches() anchors anyway
        int lastStart = i; // where the source of the last literal character starts
        scan:
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(i + 1);
                if (next == 'Q') { // \Q...\E quotes everything up to \E
                    int end = regex.indexOf("\\E", i + 2);
                    int stop = end < 0 ? regex.length() : end;
                    for (int q = i + 2; q < stop; q++) {
                        lastStart = q;
                        literal.append(regex.charAt(q));
                    }
                    i = end < 0 ? regex.length() : end + 2;
                    continue;
                }
                if (Character.isLetterOrDigit(next)) {
                    break; // a class such as \d, a boundary such as \b, a back reference
                }
                lastStart = i;
                literal.append(next);
                i += 2;
                continue;
            }
            if (SPECIAL.indexOf(c) >= 0) {
                if ((c == '?' || c == '*' || c == '+' || c == '{') && !literal.isEmpty()) {
                    // a quantifier makes the character before it optional or repeated: it was not literal
                    literal.setLength(literal.length() - 1);
                    i = lastStart;
                }
                break scan;
            }
            lastStart = i;
            literal.append(c);
            i++;
        }
        String text = literal.toString();
        return new RegexKey(text, segments(text, regex.substring(Math.min(i, regex.length()))));
    }

    /** The segments {@code literal} fixes: each one a slash ends, and the last if what follows closes it. */
    private static List<String> segments(String literal, String rest) {
        if (!literal.startsWith("/")) {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        int start = 1;
        for (int slash; (slash = literal.indexOf('/', start)) >= 0; start = slash + 1) {
            segments.add(literal.substring(start, slash));
        }
        if (start < literal.length() && CLOSERS.contains(rest)) {
            segments.add(literal.substring(start));
        }
        return List.copyOf(segments);
    }

    /** Whether the regex has a {@code |} outside any group or character class: then it has no common start. */
    static boolean topLevelAlternation(String regex) {
        int depth = 0;
        int classes = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
                    int end = regex.indexOf("\\E", i + 2);
                    if (end < 0) {
                        return false;
                    }
                    i = end + 1;
                } else {
                    i++;
                }
            } else if (c == '[') {
                classes++;
            } else if (c == ']' && classes > 0) {
                classes--;
            } else if (classes == 0) {
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
