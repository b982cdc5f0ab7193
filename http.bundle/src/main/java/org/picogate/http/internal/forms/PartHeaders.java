package org.picogate.http.internal.forms;

import org.picogate.http.HttpException;

/**
 * What a multipart part's headers say: its field name, its file name ({@code null} for a text field) and type.
 *
 * @param name the {@code name} parameter of {@code Content-Disposition: form-data}
 * @param filename the {@code filename} parameter, or {@code null}
 * @param contentType the part's {@code Content-Type}, or {@code null}
 */
record PartHeaders(String name, String filename, String contentType) {

    /**
     * Parses {@code Content-Disposition} (RFC 7578 4.2): {@code form-data} and its parameters, each a token or a
     * quoted-string. Browsers do not escape a backslash in a file name (Windows paths), so only {@code \"} and
     * {@code \\} are taken as escapes and any other backslash is kept, as Werkzeug does.
     *
     * @throws HttpException 400 if it is not {@code form-data}, has no {@code name}, or is malformed
     */
    static PartHeaders of(String disposition, String contentType) {
        int semi = disposition.indexOf(';');
        String type = (semi < 0 ? disposition : disposition.substring(0, semi)).strip();
        if (!type.equalsIgnoreCase("form-data")) {
            throw new HttpException(400, "a multipart part is not form-data");
        }
        String name = null;
        String filename = null;
        int i = semi < 0 ? disposition.length() : semi + 1;
        while (i < disposition.length()) {
            int eq = disposition.indexOf('=', i);
            if (eq < 0) {
                if (disposition.substring(i).isBlank()) {
                    break;
                }
                throw new HttpException(400, "bad Content-Disposition in a multipart part");
            }
            String key = disposition.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            while (j < disposition.length() && disposition.charAt(j) == ' ') {
                j++;
            }
            if (j < disposition.length() && disposition.charAt(j) == '"') {
                j++;
                for (;; j++) {
                    if (j >= disposition.length()) {
                        throw new HttpException(400, "unterminated quoted string in Content-Disposition");
                    }
                    char c = disposition.charAt(j);
                    if (c == '"') {
                        j++;
                        break;
                    }
                    if (c == '\\' && j + 1 < disposition.length()
                            && (disposition.charAt(j + 1) == '"' || disposition.charAt(j + 1) == '\\')) {
                        c = disposition.charAt(++j);
                    }
                    value.append(c);
                }
                while (j < disposition.length() && disposition.charAt(j) == ' ') {
                    j++;
                }
                if (j < disposition.length() && disposition.charAt(j) != ';') {
                    throw new HttpException(400, "bad Content-Disposition in a multipart part");
                }
            } else {
                int end = disposition.indexOf(';', j);
                end = end < 0 ? disposition.length() : end;
                value.append(disposition, j, end);
                j = end;
                if (value.toString().strip().isEmpty()) {
                    throw new HttpException(400, "bad Content-Disposition in a multipart part");
                }
            }
            if (key.equalsIgnoreCase("name")) {
                name = value.toString().strip();
            } else if (key.equalsIgnoreCase("filename")) {
                filename = value.toString();
            }
            i = j + 1;
        }
        if (name == null) {
            throw new HttpException(400, "a multipart part without a name");
        }
        return new PartHeaders(name, filename, contentType);
    }
}
