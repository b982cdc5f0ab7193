package org.picogate.console.internal.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.SchedulerStats;
import org.picogate.scheduler.TaskInfo;

/**
 * The scheduler's per-owner counts (its {@link SchedulerStats}) and its live tasks by name ({@link Scheduler#tasks()});
 * both cover every bundle, not just ours.
 */
public final class TaskCounts {

    private final Scheduler scheduler;

    public TaskCounts(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public SchedulerStats stats() {
        return scheduler.stats();
    }

    /** Every live task, by owner, oldest first. */
    public List<TaskInfo> tasks() {
        return scheduler.tasks();
    }

    /** Owners with the most live tasks first. */
    public List<TaskOwnerRow> owners(SchedulerStats stats) {
        List<TaskOwnerRow> rows = new ArrayList<>();
        stats.owners().forEach((owner, s) -> rows.add(
                new TaskOwnerRow(owner, s.liveTasks(), s.pendingTimers(), s.spawnedTasks())));
        rows.sort(Comparator.comparingInt(TaskOwnerRow::liveTasks).reversed()
                .thenComparing(TaskOwnerRow::owner));
        return rows;
    }
}
