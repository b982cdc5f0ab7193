package org.picogate.http;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A submitted form ({@link Request#form()}): text fields and, for {@code multipart/form-data}, uploaded files.
 * Values keep the order they were sent in. Uploaded files live as long as the request: read or save them before
 * the handler returns.
 */
@ProviderType
public interface Form {

    /** The first value of the text field {@code name}, or {@code null}. */
    String field(String name);

    /** Every value of the text field {@code name}, in the order sent; empty if none. */
    List<String> fields(String name);

    /** Every text field, by name in the order first sent, each with its values. Unmodifiable. */
    Map<String, List<String>> fields();

    /** The first file part called {@code name}, or {@code null}. */
    FilePart file(String name);

    /** Every file part called {@code name}, in the order sent; empty if none. */
    List<FilePart> files(String name);

    /** Every file part, in the order sent. */
    List<FilePart> files();
}
