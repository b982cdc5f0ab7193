package org.picogate.notes.internal.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A note as a user typed it, before it is stored: from the HTML form or the JSON API. {@code null} fields are
 * taken as empty. The title is kept without surrounding white space; the content as typed.
 */
public record NoteDraft(String title, String content) {

    public NoteDraft {
        title = title == null ? "" : title.strip();
        content = content == null ? "" : content;
    }

    /**
     * What is wrong with this draft, by field name ({@code title}, {@code content}), in words for the user;
     * empty if it may be stored. Lengths are {@link String#length()}, UTF-16 units, which is also what the
     * form's {@code maxlength} counts in a browser: the limits are about what a person typed, not about bytes.
     */
    public Map<String, String> problems(NoteLimits limits) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isEmpty()) {
            problems.put("title", "A title is required.");
        } else if (title.length() > limits.maxTitleLength()) {
            problems.put("title", "The title is " + title.length() + " characters long; at most "
                    + limits.maxTitleLength() + " are allowed.");
        }
        if (content.length() > limits.maxContentLength()) {
            problems.put("content", "The text is " + content.length() + " characters long; at most "
                    + limits.maxContentLength() + " are allowed.");
        }
        return problems;
    }
}
