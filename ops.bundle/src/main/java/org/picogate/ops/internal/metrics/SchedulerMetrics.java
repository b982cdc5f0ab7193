package org.picogate.ops.internal.metrics;

import java.util.Map;
import java.util.TreeMap;

import org.picogate.ops.internal.metrics.Exposition.Type;
import org.picogate.scheduler.SchedulerStats;
import org.picogate.scheduler.SchedulerStats.OwnerStats;

/** The scheduler's snapshot ({@code Scheduler.stats()}) as metric families, in total and by owner bundle. */
final class SchedulerMetrics {
    private SchedulerMetrics() {
    }

    static void write(Exposition out, SchedulerStats stats) {
        out.family("picogate_scheduler_tasks", Type.GAUGE, "Tasks running now, callback runners included")
                .sample(stats.liveTasks());
        out.family("picogate_scheduler_timers", Type.GAUGE, "Timers waiting in the queue, internal ones included")
                .sample(stats.pendingTimers());
        out.family("picogate_scheduler_spawned_tasks_total", Type.COUNTER, "Tasks spawned since the start")
                .sample(stats.spawnedTasks());
        out.family("picogate_scheduler_failed_tasks_total", Type.COUNTER,
                "Tasks that ended with an exception other than cancellation").sample(stats.failedTasks());
        out.family("picogate_scheduler_failed_callbacks_total", Type.COUNTER, "Timer callbacks that threw")
                .sample(stats.failedCallbacks());
        Map<String, OwnerStats> owners = new TreeMap<>(stats.owners());
        out.family("picogate_scheduler_owner_tasks", Type.GAUGE, "Tasks running now, by owner bundle");
        owners.forEach((owner, s) -> out.sample("", s.liveTasks(), "owner", owner));
        out.family("picogate_scheduler_owner_timers", Type.GAUGE,
                "Callbacks scheduled and not fired yet, by owner bundle");
        owners.forEach((owner, s) -> out.sample("", s.pendingTimers(), "owner", owner));
        out.family("picogate_scheduler_owner_spawned_tasks_total", Type.COUNTER,
                "Tasks spawned since the owner got its scheduler, by owner bundle");
        owners.forEach((owner, s) -> out.sample("", s.spawnedTasks(), "owner", owner));
    }
}
