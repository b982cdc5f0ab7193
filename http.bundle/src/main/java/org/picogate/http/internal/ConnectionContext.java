package org.picogate.http.internal;

import java.util.concurrent.Callable;

import org.picogate.http.internal.forms.TempFiles;

/**
 * What the requests of one connection share beyond the protocol: the temporary files of uploads, deleted after
 * each answer ({@link ResponseImpl#finish()}) and, whatever happened (an aborted answer never gets there), when
 * the connection ends.
 *
 * <p>It is bound to the connection's task for as long as {@link HttpServerCore} serves it, and found by the
 * request and response of that task with {@link #current()}. A thread-local and not a constructor argument
 * because {@link HttpConnection}, which builds them, was being reworked in parallel; passing it explicitly there
 * is the better shape and should replace this.
 */
final class ConnectionContext {
    private static final ThreadLocal<ConnectionContext> CURRENT = new ThreadLocal<>();

    private final TempFiles tempFiles = new TempFiles();

    /** Runs {@code connection} with this context bound to the current task; deletes leftover files at its end. */
    <T> T run(Callable<T> connection) throws Exception {
        ConnectionContext outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return connection.call();
        } finally {
            tempFiles.deleteAll(); // an aborted answer never reached ResponseImpl.finish()
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The context of the connection the current task serves, or {@code null} outside one (unit tests). */
    static ConnectionContext current() {
        return CURRENT.get();
    }

    TempFiles tempFiles() {
        return tempFiles;
    }
}
