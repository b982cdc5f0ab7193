package org.picogate.http.internal.routing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A route given as a Java regular expression, matched against the whole decoded path. Its groups are the route's
 * parameters: named groups by name, every group also by number ({@code "1"}, {@code "2"}...).
 */
public final class RegexPattern implements RoutePattern {
    private final Pattern regex;
    private final int literalPrefix;
    private final Map<String, Integer> groupNames;
    private final String label;
    /** Whether it is the pattern of a static files route ({@link #statics}). */
    private final boolean statics;

    private RegexPattern(Pattern regex, String label, boolean statics) {
        this.regex = regex;
        this.literalPrefix = literalPrefix(regex.pattern());
        this.groupNames = regex.namedGroups();
        this.label = label;
        this.statics = statics;
    }

    /**
     * The pattern of the files under {@code base} ({@code ""} or a literal path without trailing slash): the base
     * itself and everything below it; labelled {@code base/*}.
     */
    static RegexPattern statics(String base) {
        return new RegexPattern(Pattern.compile(Pattern.quote(base) + "(/.*)?"), base + "/*", true);
    }

    /** Whether it matches the files of a static directory route. */
    boolean isStatics() {
        return statics;
    }

    /**
     * Compiles a regex route.
     *
     * @throws IllegalArgumentException with the regex's syntax error and where it is
     */
    public static RegexPattern parse(String regex) {
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("bad route regex: empty");
        }
        try {
            return new RegexPattern(Pattern.compile(regex), "~" + regex, false);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad route regex " + regex + ": " + e.getDescription()
                    + " at index " + e.getIndex());
        }
    }

    /** A matcher on {@code path} if the regex matches all of it, else {@code null}. */
    Matcher match(String path) {
        Matcher m = regex.matcher(path);
        return m.matches() ? m : null;
    }

    Map<String, Integer> groupNames() {
        return groupNames;
    }

    /**
     * How many characters the regex matches literally before its first construct: a regex with the longer literal
     * prefix is more specific and is tried first.
     */
    int literalPrefix() {
        return literalPrefix;
    }

    static int literalPrefix(String regex) {
        int n = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(i + 1);
                if (next == 'Q') { // \Q...\E quotes everything up to \E
                    int end = regex.indexOf("\\E", i + 2);
                    int stop = end < 0 ? regex.length() : end;
                    n += stop - (i + 2);
                    if (end < 0) {
                        return n;
                    }
                    i = end + 1;
                    continue;
                }
                if (Character.isLetterOrDigit(next)) {
                    return n; // a class such as \d or a back reference
                }
                n++;
                i++;
                continue;
            }
            if ("^$.|?*+()[]{}".indexOf(c) >= 0) {
                // '^' at the very start anchors, and matches is anchored anyway
                if (c == '^' && i == 0) {
                    continue;
                }
                // a quantifier makes the character before it optional or repeated: it was not literal
                return (c == '?' || c == '*' || c == '+' || c == '{') && n > 0 ? n - 1 : n;
            }
            n++;
        }
        return n;
    }

    @Override
    public String source() {
        return regex.pattern();
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String key() {
        return "~" + regex.pattern();
    }

    @Override
    public String toString() {
        return regex.pattern();
    }
}
