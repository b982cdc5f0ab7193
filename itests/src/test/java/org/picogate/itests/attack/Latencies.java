package org.picogate.itests.attack;

import java.util.Arrays;

/** Latencies of legitimate requests in one phase of an attack run, in nanoseconds; thread-safe. */
final class Latencies {
    private long[] nanos = new long[1024];
    private int count;
    private int failed;
    private int notOk;

    synchronized void ok(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    /** A request that got an answer other than 200 (it counts in the latencies too). */
    synchronized void notOk(long latencyNanos) {
        ok(latencyNanos);
        notOk++;
    }

    /** A request that got no answer (refused, reset, timed out). */
    synchronized void failed() {
        failed++;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, notOk, failed, percentile(sorted, 50), percentile(sorted, 99),
                count == 0 ? 0 : sorted[count - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1; // nearest rank
        return sorted[Math.max(0, index)] / 1e6;
    }

    /**
     * @param answered requests answered (any status)
     * @param notOk of those, answered with another status than 200
     * @param failed requests without an answer
     */
    record Summary(int answered, int notOk, int failed, double p50Millis, double p99Millis, double maxMillis) {
    }
}
