package org.picogate.itests.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.picogate.itests.attack.AttackRun.Phase;
import org.picogate.itests.browser.GatewayProcess;

/**
 * Slow and greedy clients against the exported gateway (a process of its own, loopback), short timeouts so that
 * the whole run takes about 20 s. Functional outcomes only: every legitimate request answered 200 and none failed
 * in every phase; each attacker's connection closed by the server once its timeout passed (and not before); the
 * flood's excess past {@code maxConnections} reset at once; the gateway still up. Latency figures are
 * {@code bench/run-attack.sh}'s, not asserted here.
 */
@Timeout(180) // a hang fails the build; the run takes ~20 s
class AttackIT {
    static final AttackRun.Settings SETTINGS = new AttackRun.Settings(2000, 3000, 200, 4, 10, 40, 100,
            Duration.ofMillis(200), Duration.ofSeconds(2));

    @TempDir
    Path workDir;

    private GatewayProcess gateway;

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void legitimateClientsAreServedWhileSlowAndGreedyClientsAreCutAtTheirTimeouts() throws Exception {
        AttackRun.writeSite(workDir);
        gateway = GatewayProcess.start(GatewayProcess.exportedJar(), workDir, Duration.ofSeconds(60),
                SETTINGS.httpConfig(), List.of());

        List<Phase> phases = AttackRun.run("127.0.0.1", gateway.port(), SETTINGS);
        String report = AttackRun.table(phases) + "\ngateway output:\n" + gateway.output();

        for (Phase p : phases) {
            assertThat(p.legit().answered()).as(p.name() + ": legitimate requests answered\n" + report)
                    .isPositive();
            assertThat(p.legit().notOk()).as(p.name() + ": legitimate answers other than 200\n" + report).isZero();
            assertThat(p.legit().failed()).as(p.name() + ": legitimate requests failed\n" + report).isZero();
        }
        for (Phase p : phases.subList(1, 4)) { // slowloris, slow body, slow read: every connection cut in time
            AttackResult a = p.attack();
            assertThat(a.stillOpen()).as(p.name() + ": attackers the server did not cut\n" + report).isZero();
            assertThat(a.cut()).as(p.name() + ": attackers cut\n" + report).isEqualTo(a.connections());
            assertThat(a.minCut()).as(p.name() + ": cut before its timeout\n" + report)
                    .isGreaterThanOrEqualTo(a.timeoutMillis() - 100);
            assertThat(a.maxCut()).as(p.name() + ": cut long after its timeout\n" + report)
                    .isLessThan(a.timeoutMillis() * 2 + 2000);
        }
        AttackResult flood = phases.get(4).attack();
        int room = SETTINGS.maxConnections() - SETTINGS.legitClients();
        assertThat(flood.stillOpen()).as("flood connections left open\n" + report).isZero();
        assertThat(flood.resetAtOnce()).as("flood connections past maxConnections reset at once\n" + report)
                .isGreaterThanOrEqualTo(flood.connections() - room);
        assertThat(flood.cut()).as("flood connections held, then cut at the idle timeout\n" + report)
                .isLessThanOrEqualTo(room).isPositive();
        assertThat(flood.minCut()).as("held flood connections cut before the idle timeout\n" + report)
                .isGreaterThanOrEqualTo(SETTINGS.idleTimeoutMillis() - 100);

        assertThat(gateway.isAlive()).as("the gateway is still running\n" + report).isTrue();
        assertThat(gateway.output()).as("the gateway's output").doesNotContain("OutOfMemoryError");
    }
}
