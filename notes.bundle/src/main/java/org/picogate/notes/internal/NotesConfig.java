package org.picogate.notes.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the notes app, PID {@code org.picogate.notes}. */
@ObjectClassDefinition(id = NotesApp.PID, name = "Picogate notes",
        description = "The notes demo app: where it keeps its notes and how long they may be")
@interface NotesConfig {

    @AttributeDefinition(name = "Database file", description = "SQLite file of the notes, created with its "
            + "folders on first start; a relative path is taken from the gateway's working directory")
    String databaseFile() default "data/notes.db";

    @AttributeDefinition(name = "Longest title", description = "Characters a note's title may have", min = "1")
    int maxTitleLength() default 200;

    @AttributeDefinition(name = "Longest text", description = "Characters a note's text may have (the HTTP "
            + "server's maxBody bounds the request first)", min = "0")
    int maxContentLength() default 65536;

    @AttributeDefinition(name = "URL prefix", description = "Path the app is served under, such as /notes; "
            + "empty serves it at the root")
    String picogate_http_prefix() default "";
}
