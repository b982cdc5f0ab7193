package org.picogate.ops.internal.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;

import org.picogate.ops.internal.metrics.Exposition.Type;

/** Heap, garbage collection and threads of this JVM, from its platform MXBeans. */
final class JvmMetrics {
    private JvmMetrics() {
    }

    static void write(Exposition out) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        out.family("jvm_memory_used_bytes", Type.GAUGE, "Memory in use, by area")
                .sample("", heap.getUsed(), "area", "heap").sample("", nonHeap.getUsed(), "area", "nonheap");
        out.family("jvm_memory_committed_bytes", Type.GAUGE, "Memory committed by the JVM, by area")
                .sample("", heap.getCommitted(), "area", "heap")
                .sample("", nonHeap.getCommitted(), "area", "nonheap");
        out.family("jvm_memory_max_bytes", Type.GAUGE, "Most memory the area may use (-1: no limit)")
                .sample("", heap.getMax(), "area", "heap").sample("", nonHeap.getMax(), "area", "nonheap");
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        out.family("jvm_gc_collections_total", Type.COUNTER, "Garbage collections, by collector");
        for (GarbageCollectorMXBean gc : gcs) {
            out.sample("", Math.max(0, gc.getCollectionCount()), "gc", gc.getName());
        }
        out.family("jvm_gc_collection_seconds_total", Type.COUNTER,
                "Time spent in garbage collections, by collector");
        for (GarbageCollectorMXBean gc : gcs) {
            out.sample("", Math.max(0, gc.getCollectionTime()) / 1000.0, "gc", gc.getName());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        out.family("jvm_threads_current", Type.GAUGE, "Platform threads alive (virtual threads are not counted)")
                .sample(threads.getThreadCount());
        out.family("jvm_threads_daemon", Type.GAUGE, "Daemon platform threads alive")
                .sample(threads.getDaemonThreadCount());
        out.family("jvm_threads_peak", Type.GAUGE, "Most platform threads alive at once since the start")
                .sample(threads.getPeakThreadCount());
    }
}
