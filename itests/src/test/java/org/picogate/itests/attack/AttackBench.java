package org.picogate.itests.attack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.picogate.itests.browser.GatewayProcess;

/**
 * The figures of {@code bench/run-attack.sh}: {@link AttackRun} against the exported gateway in a temporary folder,
 * with longer phases and more attackers than {@code AttackIT}, printed as Markdown. Runs from source (JDK 22+
 * launches a program of several source files): {@code java itests/src/test/java/org/picogate/itests/attack/
 * AttackBench.java <gateway.jar> [jvm options...]}.
 */
public final class AttackBench {
    private AttackBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AttackBench <gateway.jar> [gateway JVM options...]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        List<String> jvmOptions = List.of(args).subList(1, args.length);
        AttackRun.Settings settings = new AttackRun.Settings(Long.getLong("attack.headerTimeoutMillis", 5000),
                Long.getLong("attack.idleTimeoutMillis", 10000), Integer.getInteger("attack.maxConnections", 1024),
                Integer.getInteger("attack.legitClients", 8), Long.getLong("attack.legitPauseMillis", 5),
                Integer.getInteger("attack.attackers", 300), Integer.getInteger("attack.floodExtra", 1000),
                Duration.ofMillis(Long.getLong("attack.intervalMillis", 1000)),
                Duration.ofSeconds(Long.getLong("attack.quietSeconds", 10)));
        Path workDir = Files.createTempDirectory("picogate-attack");
        AttackRun.writeSite(workDir);
        List<AttackRun.Phase> phases;
        String output;
        try (GatewayProcess gateway = GatewayProcess.start(jar, workDir, Duration.ofSeconds(60),
                settings.httpConfig(), jvmOptions)) {
            phases = AttackRun.run("127.0.0.1", gateway.port(), settings);
            output = gateway.output();
            System.out.println("gateway alive after the run: " + gateway.isAlive());
        }
        System.out.println("date: " + LocalDate.now(ZoneOffset.UTC) + ", gateway JVM options: " + jvmOptions);
        System.out.println("settings: " + settings);
        System.out.println();
        System.out.println(AttackRun.table(phases));
        System.out.println("OutOfMemoryError in the gateway's output: " + output.contains("OutOfMemoryError"));
    }
}
