package org.picogate.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What the heap probes ({@link MemoryProbe}, {@link IdleConnectionProbe}) share, each run in a JVM of its own: the
 * heap in use after full GCs, a JIT gone quiet, the class histogram, the collector in use, and the
 * {@code RESULT success=false} line the scripts read when a check fails.
 */
final class HeapProbes {

    /** One line of the class histogram: live instances of a class and their bytes. */
    record ClassCount(String name, long instances, long bytes) {
    }

    private HeapProbes() {
    }

    /** Heap in use after full collections: the least of several, as garbage may still be let go meanwhile. */
    static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Waits (at most 20 s) until the JIT has compiled nothing for half a second. */
    static void awaitJitQuiet() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            Thread.sleep(2000);
            return;
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long last = -1;
        while (System.nanoTime() - end < 0) {
            long now = jit.getTotalCompilationTime();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(500);
        }
    }

    /**
     * The JVM's class histogram of live objects (after a full GC), as {@code jmap -histo:live} prints it: most bytes
     * first. Empty, after saying so, where the diagnostic command is not available.
     */
    static List<ClassCount> classHistogram() {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException unavailable) {
            System.out.println("(no class histogram: " + unavailable + ")");
            return List.of();
        }
        List<ClassCount> classes = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[0].endsWith(":")) {
                continue;
            }
            classes.add(new ClassCount(f[3], Long.parseLong(f[1]), Long.parseLong(f[2])));
        }
        return classes;
    }

    /** The name of the (first) garbage collector. */
    static String collector() {
        return ManagementFactory.getGarbageCollectorMXBeans().get(0).getName();
    }

    /** Whether the JVM runs with {@code -XX:+UseCompactObjectHeaders}. */
    static boolean compactHeaders() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+UseCompactObjectHeaders");
    }

    /** Unless {@code ok}, prints {@code RESULT success=false reason=what} and exits with 1. */
    static void check(boolean ok, String what) {
        if (!ok) {
            System.out.println("RESULT success=false reason=" + what.replace(' ', '_'));
            System.exit(1);
        }
    }
}
