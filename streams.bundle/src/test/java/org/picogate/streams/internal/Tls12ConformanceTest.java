package org.picogate.streams.internal;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.picogate.scheduler.Scheduler;
import org.picogate.streams.ConnectOptions;
import org.picogate.streams.TlsContexts;
import org.picogate.streams.testing.StreamConformanceTest;

/**
 * The conformance kit over TLS 1.2 (a client that offers nothing newer), but for the half-close: TLS 1.2 has
 * none. A peer that gets close_notify must answer with its own and stop writing (RFC 5246 7.2.1), which the JDK
 * does; {@link TlsTest#tls12HasNoHalfClose()} shows what a stream does then.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(Tls12ConformanceTest.NoHalfClose.class)
class Tls12ConformanceTest extends StreamConformanceTest {
    @TempDir
    static Path dir;
    private static SSLContext serverTls;
    private static SSLContext clientTls;

    @BeforeAll
    static void certificates() throws Exception {
        SSLContext[] contexts = TlsConformanceTest.contexts(dir);
        serverTls = contexts[0];
        clientTls = TlsContexts.withParameters(contexts[1], p -> p.setProtocols(new String[] { "TLSv1.2" }));
    }

    @Override
    protected Connection connect(Scheduler scheduler) throws Exception {
        return TlsConformanceTest.connect(scheduler, serverTls, ConnectOptions.defaults().withTls(clientTls));
    }

    /** Skips the kit's half-close check, which TLS 1.2 cannot pass. */
    static final class NoHalfClose implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getTestMethod().filter(m -> m.getName().equals("halfCloseLetsTheOtherDirectionGoOn"))
                    .map(m -> ConditionEvaluationResult.disabled("TLS 1.2 has no half-close (RFC 5246 7.2.1)"))
                    .orElse(ConditionEvaluationResult.enabled("not a half-close check"));
        }
    }
}
