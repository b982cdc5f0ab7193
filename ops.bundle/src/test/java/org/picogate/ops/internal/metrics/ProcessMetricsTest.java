package org.picogate.ops.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code /proc/self}: the fields used, and nothing made up when it is missing or malformed. */
class ProcessMetricsTest {
    @TempDir
    Path proc;

    @Test
    void residentMemoryAndOpenFdsComeFromProc() throws Exception {
        Files.writeString(proc.resolve("status"), "Name:\tjava\nVmSize:\t  4000 kB\nVmRSS:\t  1234 kB\n");
        Files.createDirectory(proc.resolve("fd"));
        for (int i = 0; i < 3; i++) {
            Files.createFile(proc.resolve("fd").resolve(Integer.toString(i)));
        }
        ProcessMetrics metrics = new ProcessMetrics(proc);
        Exposition out = new Exposition();
        metrics.write(out);

        assertThat(out.toString()).contains("process_resident_memory_bytes " + 1234 * 1024 + "\n",
                "process_virtual_memory_bytes " + 4000 * 1024 + "\n", "process_open_fds 3\n",
                "# TYPE process_start_time_seconds gauge\n");
    }

    @Test
    void whatCannotBeReadIsLeftOut() throws Exception {
        Files.writeString(proc.resolve("status"), "VmRSS:\tlots kB\n");
        Exposition out = new Exposition();
        new ProcessMetrics(proc).write(out);

        assertThat(out.toString()).doesNotContain("process_resident_memory_bytes", "process_open_fds",
                "process_virtual_memory_bytes");
    }
}
