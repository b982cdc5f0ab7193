package org.picogate.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Configuration values as text people read and type back: a list is its items separated by commas, {@code \,}
 * standing for a comma within an item and {@code \\} for a backslash before a comma or another backslash (Metatype's
 * list syntax; any other backslash is itself). {@link #format} writes what {@link ConfigAttribute#parse} reads back
 * as the same items.
 */
public final class ValueText {

    private ValueText() {
    }

    /**
     * A value Config Admin holds, as text: an array's or a collection's items joined by {@code separator}, each
     * escaped where it must be (a comma, a backslash before a comma or a backslash or at the item's end); any other
     * value as {@link String#valueOf}, unescaped (it is one value); {@code null} as the empty text.
     *
     * @param separator a comma, with blanks around it if wanted ({@code ", "})
     */
    public static String format(Object value, String separator) {
        if (value == null) {
            return "";
        }
        List<String> items = new ArrayList<>();
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(escape(String.valueOf(Array.get(value, i))));
            }
        } else if (value instanceof Collection<?> values) {
            values.forEach(item -> items.add(escape(String.valueOf(item))));
        } else {
            return String.valueOf(value);
        }
        return String.join(separator, items);
    }

    /**
     * Splits at commas not escaped by a backslash, and unescapes. Items are not trimmed; the empty text is no item
     * (an empty list), while {@code ","} is two empty items.
     */
    static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        if (text.isEmpty()) {
            return items;
        }
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == ',' || text.charAt(i + 1) == '\\')) {
                item.append(text.charAt(++i));
            } else if (c == ',') {
                items.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString());
        return items;
    }

    /**
     * One item as list text: a comma escaped, and a backslash that {@link #split} would otherwise take for an escape
     * (before a comma or a backslash, or at the end, where a separator follows). Other backslashes stay single, so a
     * Windows path reads as it is.
     */
    static String escape(String item) {
        StringBuilder out = new StringBuilder(item.length());
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c == ',') {
                out.append("\\,");
            } else if (c == '\\' && (i + 1 == item.length() || item.charAt(i + 1) == ','
                    || item.charAt(i + 1) == '\\')) {
                out.append("\\\\");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
