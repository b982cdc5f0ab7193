package org.picogate.ops.internal.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import javax.management.JMException;
import javax.management.ObjectName;

import org.picogate.ops.internal.metrics.Exposition.Type;

/**
 * The process: CPU time, resident memory, open file descriptors, start time. Memory and descriptors come from
 * {@code /proc/self} where it exists (Linux); the CPU time from the platform's OperatingSystem MXBean, read through
 * JMX so no {@code com.sun.management} import is needed. What cannot be read is left out, not reported as zero.
 */
final class ProcessMetrics {
    private final Path proc;

    /** @param proc the process's {@code /proc/self} (another folder in tests) */
    ProcessMetrics(Path proc) {
        this.proc = proc;
    }

    void write(Exposition out) {
        OptionalLong cpuNanos = osAttribute("ProcessCpuTime");
        if (cpuNanos.isPresent() && cpuNanos.getAsLong() >= 0) {
            out.family("process_cpu_seconds_total", Type.COUNTER, "CPU time of the process, user and system")
                    .sample(cpuNanos.getAsLong() / 1e9);
        }
        OptionalLong rss = statusKilobytes("VmRSS:");
        if (rss.isPresent()) {
            out.family("process_resident_memory_bytes", Type.GAUGE, "Resident memory of the process (VmRSS)")
                    .sample(rss.getAsLong() * 1024);
        }
        OptionalLong virtual = statusKilobytes("VmSize:");
        if (virtual.isPresent()) {
            out.family("process_virtual_memory_bytes", Type.GAUGE, "Virtual memory of the process (VmSize)")
                    .sample(virtual.getAsLong() * 1024);
        }
        OptionalLong fds = openFds();
        if (fds.isPresent()) {
            out.family("process_open_fds", Type.GAUGE, "Open file descriptors").sample(fds.getAsLong());
        }
        OptionalLong maxFds = osAttribute("MaxFileDescriptorCount");
        if (maxFds.isPresent() && maxFds.getAsLong() > 0) {
            out.family("process_max_fds", Type.GAUGE, "Most file descriptors the process may open")
                    .sample(maxFds.getAsLong());
        }
        out.family("process_start_time_seconds", Type.GAUGE, "Start of the process, seconds since the epoch")
                .sample(ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0);
    }

    /** A {@code kB} line of {@code status}, such as {@code VmRSS:   123456 kB}. */
    OptionalLong statusKilobytes(String field) {
        try {
            List<String> lines = Files.readAllLines(proc.resolve("status"));
            for (String line : lines) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).strip().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux, or no /proc: left out
        }
        return OptionalLong.empty();
    }

    /** Entries of {@code fd}, less the one this listing opens itself. */
    OptionalLong openFds() {
        Path fd = proc.resolve("fd");
        if (!Files.isDirectory(fd)) {
            return OptionalLong.empty();
        }
        long n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fd)) {
            for (Path ignored : entries) {
                n++;
            }
        } catch (IOException | RuntimeException unreadable) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, n - (proc.toString().equals("/proc/self") ? 1 : 0)));
    }

    private static OptionalLong osAttribute(String name) {
        try {
            Object value = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), name);
            return value instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
        } catch (JMException | RuntimeException notThere) {
            return OptionalLong.empty();
        }
    }
}
