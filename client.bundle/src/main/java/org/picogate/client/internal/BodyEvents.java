package org.picogate.client.internal;

import java.io.IOException;

/** What a response body tells its exchange: that it ended, or how it failed. */
interface BodyEvents {

    /** The body was read to its end; {@code reusable}: the connection may carry another request. */
    void completed(boolean reusable);

    /** Reading failed: the connection goes, and the exception to throw is returned (translated). */
    IOException failed(IOException cause, String during);
}
