package org.picogate.http;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** Header fields of a request, looked up without regard to case (RFC 9110 5.1). */
@ProviderType
public interface Headers {

    /** The first value of {@code name}, or {@code null}. */
    String first(String name);

    /** Every value of {@code name}, in the order received; empty if none. */
    List<String> all(String name);

    /** The field names, lower-cased, in the order first received. */
    Set<String> names();

    boolean contains(String name);

    /** Number of field lines. */
    int size();
}
