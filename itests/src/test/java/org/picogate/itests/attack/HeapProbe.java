package org.picogate.itests.attack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap a process uses right after a full GC, through the {@code jcmd} beside the java running this JVM:
 * {@code GC.run}, then the "used" of the heap lines of {@code GC.heap_info} (G1's one line, or the serial
 * collector's generations), in KiB.
 */
final class HeapProbe {
    /** "total 16384K, used 6721K" (JDK 21) or "total reserved 16384K, committed 16384K, used 6721K" (JDK 25). */
    private static final Pattern USED = Pattern.compile("total .*?used (\\d+)K");

    private HeapProbe() {
    }

    static long usedAfterGcKiB(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        long used = 0;
        boolean found = false;
        for (String line : info.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher m = USED.matcher(line);
            if (m.find()) {
                used += Long.parseLong(m.group(1));
                found = true;
            }
        }
        if (!found) {
            throw new IOException("no heap use in jcmd GC.heap_info:\n" + info);
        }
        return used;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = ProcessHandle.current().info().command().map(Path::of)
                .map(java -> java.resolveSibling("jcmd")).filter(Files::isExecutable)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "jcmd"));
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + " failed:\n" + out);
        }
        return out;
    }
}
