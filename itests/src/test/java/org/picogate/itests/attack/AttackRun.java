package org.picogate.itests.attack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One run of every slow or greedy client attack against a gateway, one after another, while legitimate keep-alive
 * clients go on requesting a small static file: a quiet phase first, then slowloris, slow body, slow read and a
 * connection flood past {@code maxConnections}. Each phase reports the legitimate clients' latencies and what the
 * server did to the attackers. Used by {@code AttackIT} (short, functional checks) and {@code AttackBench}
 * (the figures of {@code bench/run-attack.sh}).
 */
final class AttackRun {

    /**
     * The gateway's limits under test and the attackers' sizes.
     *
     * @param headerTimeoutMillis {@code headerTimeoutMillis} of the gateway
     * @param idleTimeoutMillis {@code idleTimeoutMillis} of the gateway
     * @param maxConnections {@code maxConnections} of the gateway
     * @param legitClients legitimate keep-alive clients
     * @param legitPauseMillis pause of each between its requests
     * @param attackers connections of each slow attack
     * @param floodExtra flood connections beyond {@code maxConnections}
     * @param interval pace of the trickling attackers
     * @param quiet length of the phase without attack
     */
    record Settings(long headerTimeoutMillis, long idleTimeoutMillis, int maxConnections, int legitClients,
            long legitPauseMillis, int attackers, int floodExtra, Duration interval, Duration quiet) {

        /** The lines of {@code deploy/org.picogate.http.config} these settings need (port and host aside). */
        String httpConfig() {
            return "headerTimeoutMillis=L\"" + headerTimeoutMillis + "\"\nidleTimeoutMillis=L\"" + idleTimeoutMillis
                    + "\"\nmaxConnections=I\"" + maxConnections + "\"\nmaxRequestsPerConnection=I\"100000000\"\n"
                    + "staticDir=\"site\"\n";
        }

        /** How long an attacker waits for the server to cut it: its timeout plus a generous margin. */
        Duration giveUp(long timeoutMillis) {
            return Duration.ofMillis(timeoutMillis * 2 + 5000);
        }
    }

    /** A phase: the legitimate clients' latencies while {@code attack} ran ({@code null} for the quiet phase). */
    record Phase(String name, Latencies.Summary legit, AttackResult attack, Duration took) {
    }

    /** The site the gateway serves: {@code ok.txt} for the legitimate clients, {@code big.bin} for slow readers. */
    static final String LEGIT_PATH = "/ok.txt";
    static final String BIG_PATH = "/big.bin";
    static final int BIG_BYTES = 16 << 20;

    /** Writes the site into {@code workDir/site}, where the settings' {@code staticDir} points. */
    static void writeSite(Path workDir) throws IOException {
        Path site = Files.createDirectories(workDir.resolve("site"));
        Files.writeString(site.resolve("ok.txt"), "ok\n".repeat(100));
        Files.write(site.resolve("big.bin"), new byte[BIG_BYTES]);
    }

    static List<Phase> run(String host, int port, Settings s) throws IOException, InterruptedException {
        List<Phase> phases = new ArrayList<>();
        Attacks attacks = new Attacks(host, port);
        try (LegitClients legit = new LegitClients(host, port, LEGIT_PATH, s.legitClients(), s.legitPauseMillis())) {
            phases.add(phase(legit, "no attack", () -> {
                Thread.sleep(s.quiet());
                return null;
            }));
            phases.add(phase(legit, "slowloris", () -> attacks.slowloris(s.attackers(), s.interval(),
                    s.giveUp(s.headerTimeoutMillis()), s.headerTimeoutMillis())));
            phases.add(phase(legit, "slow body", () -> attacks.slowBody(s.attackers(), s.interval(),
                    s.giveUp(s.idleTimeoutMillis()), s.idleTimeoutMillis())));
            phases.add(phase(legit, "slow read", () -> attacks.slowRead(s.attackers(), BIG_PATH, s.interval(),
                    s.giveUp(s.idleTimeoutMillis()), s.idleTimeoutMillis())));
            phases.add(phase(legit, "flood", () -> attacks.flood(s.maxConnections() + s.floodExtra(),
                    s.giveUp(s.idleTimeoutMillis()), s.idleTimeoutMillis())));
        }
        return phases;
    }

    @FunctionalInterface
    private interface AttackBody {
        AttackResult run() throws InterruptedException;
    }

    private static Phase phase(LegitClients legit, String name, AttackBody body) throws InterruptedException {
        Latencies latencies = new Latencies();
        legit.phase(latencies);
        long start = System.nanoTime();
        AttackResult result = body.run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        legit.phase(new Latencies()); // between phases: counted nowhere
        return new Phase(name, latencies.summary(), result, took);
    }

    /** The phases as a Markdown table. */
    static String table(List<Phase> phases) {
        StringBuilder t = new StringBuilder();
        t.append("| phase | legit answered | legit non-200 | legit failed | legit p50 | legit p99 | legit max "
                + "| attack conns | cut by server | reset at once | still open | cut after (min / median / max) "
                + "| server timeout | phase took |\n");
        t.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            Latencies.Summary l = p.legit();
            AttackResult a = p.attack();
            t.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f ms | %.2f ms | %.2f ms | ", p.name(),
                    l.answered(), l.notOk(), l.failed(), l.p50Millis(), l.p99Millis(), l.maxMillis()));
            if (a == null) {
                t.append("– | – | – | – | – | – ");
            } else {
                t.append(String.format(Locale.ROOT, "%d | %d | %d | %d | %s | %d ms ", a.connections(), a.cut(),
                        a.resetAtOnce(), a.stillOpen(), a.cut() == 0 ? "–"
                                : a.minCut() + " / " + a.medianCut() + " / " + a.maxCut() + " ms",
                        a.timeoutMillis()));
            }
            t.append(String.format(Locale.ROOT, "| %.1f s |\n", p.took().toMillis() / 1000.0));
        }
        return t.toString();
    }
}
