package org.picogate.ops.internal.metrics;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the Prometheus text exposition format 0.0.4: per metric family one {@code # HELP} and one {@code # TYPE}
 * line, then its samples, each family's samples together. Escaping as the format requires: in HELP text a
 * backslash and a line feed; in label values a backslash, a double quote and a line feed. Names are checked against
 * the format's grammar, so a bad name fails here rather than in the scraper. Hand-written rather than taken from
 * the Prometheus Java client: the format is these few rules, and the client's model would be a library of its own
 * (not an OSGi bundle) to embed.
 */
public final class Exposition {
    /** The {@code Content-Type} of this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** The metric types of the format. */
    public enum Type {
        COUNTER, GAUGE, HISTOGRAM, SUMMARY, UNTYPED;

        String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final StringBuilder out = new StringBuilder(8192);
    private final Set<String> families = new HashSet<>();
    private String family;

    /**
     * Starts a metric family; its samples follow.
     *
     * @throws IllegalArgumentException for a name outside the format's grammar, or one already written
     */
    public Exposition family(String name, Type type, String help) {
        checkName(name);
        if (!families.add(name)) {
            throw new IllegalArgumentException("metric family " + name + " written twice");
        }
        family = name;
        out.append("# HELP ").append(name).append(' ');
        escapeHelp(help);
        out.append('\n').append("# TYPE ").append(name).append(' ').append(type.text()).append('\n');
        return this;
    }

    /** A sample of the current family without labels. */
    public Exposition sample(double value) {
        return sample("", value);
    }

    /**
     * A sample of the current family.
     *
     * @param suffix appended to the family's name ({@code _bucket}, {@code _sum}, {@code _count} of a histogram),
     *        or empty
     * @param labelsAndValues label names and values, alternating
     */
    public Exposition sample(String suffix, double value, String... labelsAndValues) {
        if (family == null) {
            throw new IllegalStateException("a sample before any family");
        }
        if (labelsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels and values must alternate: " + labelsAndValues.length);
        }
        String name = family + suffix;
        checkName(name);
        out.append(name);
        if (labelsAndValues.length > 0) {
            out.append('{');
            for (int i = 0; i < labelsAndValues.length; i += 2) {
                String label = labelsAndValues[i];
                if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
                    throw new IllegalArgumentException("bad label name '" + label + "'");
                }
                out.append(i == 0 ? "" : ",").append(label).append("=\"");
                escapeLabelValue(labelsAndValues[i + 1]);
                out.append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    /** A value as the format writes it: integers without a fraction, {@code +Inf}, {@code -Inf}, {@code NaN}. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static void checkName(String name) {
        if (name == null || !METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad metric name '" + name + "'");
        }
    }

    private void escapeHelp(String help) {
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    private void escapeLabelValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    /** The text written so far. */
    @Override
    public String toString() {
        return out.toString();
    }
}
