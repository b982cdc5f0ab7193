package org.picogate.streams.internal;

import java.util.Objects;

/**
 * The bundle that opened a server or client stream, as the runtime snapshot names it.
 *
 * @param id the bundle's id, {@code -1} outside a framework
 * @param symbolicName the bundle's symbolic name
 */
record Owner(long id, String symbolicName) {

    Owner {
        Objects.requireNonNull(symbolicName, "symbolicName");
    }
}
