package org.picogate.scheduler;

import java.util.Map;

/**
 * A snapshot of the scheduler: what is alive now and what happened since it started.
 *
 * @param liveTasks tasks running now, callback runners included
 * @param pendingTimers timers in the queue (including internal ones behind timed waits)
 * @param spawnedTasks tasks spawned since start
 * @param failedTasks tasks that ended with an exception other than cancellation
 * @param failedCallbacks timer callbacks that threw
 * @param owners per owner (bundle symbolic name), only owners that have something alive or are registered
 */
public record SchedulerStats(int liveTasks, int pendingTimers, long spawnedTasks, long failedTasks,
        long failedCallbacks, Map<String, OwnerStats> owners) {

    public SchedulerStats {
        owners = Map.copyOf(owners);
    }

    /** Stats of one owner, or all zeros if it owns nothing. */
    public OwnerStats owner(String name) {
        return owners.getOrDefault(name, OwnerStats.NONE);
    }

    /**
     * @param liveTasks tasks of this owner running now
     * @param pendingTimers callbacks this owner has scheduled that have not fired yet
     * @param spawnedTasks tasks this owner spawned since it got its scheduler
     */
    public record OwnerStats(int liveTasks, int pendingTimers, long spawnedTasks) {
        public static final OwnerStats NONE = new OwnerStats(0, 0, 0);
    }
}
