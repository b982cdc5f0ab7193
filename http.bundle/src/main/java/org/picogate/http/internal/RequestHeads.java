package org.picogate.http.internal;

import java.util.List;
import java.util.Set;

import org.picogate.http.Headers;

/** Stand-in heads for answers that have no parsed request to go with (a refused request). */
final class RequestHeads {
    private static final Headers NO_HEADERS = new Headers() {
        @Override
        public String first(String name) {
            return null;
        }

        @Override
        public List<String> all(String name) {
            return List.of();
        }

        @Override
        public Set<String> names() {
            return Set.of();
        }

        @Override
        public boolean contains(String name) {
            return false;
        }

        @Override
        public int size() {
            return 0;
        }
    };

    /** A request that could not be parsed: answered as HTTP/1.1 GET, never kept alive. */
    static final RequestHead UNPARSED = new RequestHead("GET", "*", "*", null, 1, NO_HEADERS, BodyFraming.NONE,
            false, false);

    private RequestHeads() {
    }
}
