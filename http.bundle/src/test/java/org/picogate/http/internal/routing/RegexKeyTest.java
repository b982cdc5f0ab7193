package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The literal start of a regex route and the path segments it fixes: what the regex index keys it by. */
class RegexKeyTest {

    @ParameterizedTest(name = "{0} -> [{1}] {2}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
        // regex ; literal ; segments (comma-separated, - for none)
        "/archive/(?<year>\\d{4})         ; /archive/        ; archive",
        "/api/v1/things/(\\d+)/parts      ; /api/v1/things/  ; api,v1,things",
        "^/a/b/.*                         ; /a/b/            ; a,b",
        "\\Q/files\\E(/.*)?               ; /files           ; files",
        "\\Q/a.b\\E/(.+)                  ; /a.b/            ; a.b",
        "/a\\.b/x                         ; /a.b/x           ; a.b,x",
        "/files(/.*)?                     ; /files           ; files",
        "/files/?                         ; /files           ; files",
        "/files$                          ; /files           ; files",
        "/files                           ; /files           ; files",
        "/filesx?                         ; /files           ; -",
        "/files[0-9]+                     ; /files           ; -",
        "/files(?:a|b)                    ; /files           ; -",
        "/a/b+                            ; /a/              ; a",
        "/a/\\d+                          ; /a/              ; a",
        "/.*                              ; /                ; -",
        ".*/                              ; ''               ; -",
        "(?i)/admin/.*                    ; ''               ; -",
        "/a/x|/b/y                        ; ''               ; -",
        "/a/(x|y)                         ; /a/              ; a",
        "/a/[|]                           ; /a/              ; a",
        "/a/\\|/b                         ; /a/|/b           ; a,|,b",
        "\\Qx|y\\E                        ; x|y              ; -",
    })
    void literalStartAndSegments(String regex, String literal, String segments) {
        RegexKey key = RegexKey.of(regex);
        assertThat(key.literal()).isEqualTo(literal);
        assertThat(key.segments()).isEqualTo(segments == null ? List.of() : List.of(segments.split(",")));
    }
}
