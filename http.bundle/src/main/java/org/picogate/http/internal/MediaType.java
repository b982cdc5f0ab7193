package org.picogate.http.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code Content-Type} value (RFC 9110 8.3.1): {@code type/subtype} in lower case, and its parameters with
 * lower-case names (values unquoted). Parsed leniently: a parameter that is not {@code name=value} is skipped,
 * since the only ones we use ({@code boundary}, {@code charset}) are checked where they are used.
 *
 * @param essence {@code type/subtype}, lower-cased; empty when the header is missing
 * @param parameters the parameters, by lower-case name
 */
record MediaType(String essence, Map<String, String> parameters) {

    static MediaType parse(String header) {
        if (header == null) {
            return new MediaType("", Map.of());
        }
        int semi = header.indexOf(';');
        String essence = (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = semi < 0 ? header.length() : semi + 1;
        while (i < header.length()) {
            int eq = header.indexOf('=', i);
            int next = header.indexOf(';', i);
            if (eq < 0 || (next >= 0 && next < eq)) {
                i = next < 0 ? header.length() : next + 1;
                continue;
            }
            String name = header.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            StringBuilder value = new StringBuilder();
            if (j < header.length() && header.charAt(j) == '"') {
                for (j++; j < header.length() && header.charAt(j) != '"'; j++) {
                    char c = header.charAt(j);
                    if (c == '\\' && j + 1 < header.length()) {
                        c = header.charAt(++j);
                    }
                    value.append(c);
                }
                next = header.indexOf(';', j);
            } else {
                value.append((next < 0 ? header.substring(j) : header.substring(j, next)).strip());
            }
            if (!name.isEmpty()) {
                parameters.putIfAbsent(name, value.toString());
            }
            i = next < 0 ? header.length() : next + 1;
        }
        return new MediaType(essence, Map.copyOf(parameters));
    }

    /** {@code application/json} or any {@code application/...+json} (RFC 6839). */
    boolean isJson() {
        return essence.equals("application/json") || (essence.startsWith("application/") && essence.endsWith("+json"));
    }

    String parameter(String name) {
        return parameters.get(name);
    }
}
