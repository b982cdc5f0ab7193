package org.picogate.scheduler.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.picogate.scheduler.Ages;
import org.picogate.scheduler.SchedulerStats;

/** Gogo command {@code picogate:tasks}: the live tasks and timers of the gateway. */
@Component(service = TasksCommand.class,
        property = { "osgi.command.scope=picogate", "osgi.command.function=tasks" })
public final class TasksCommand {
    private final SchedulerCore core;

    @Activate
    public TasksCommand(@Reference SchedulerRuntime runtime) {
        this.core = runtime.core();
    }

    @Descriptor("lists live tasks (name, owner, state, age) and the pending timer count")
    public String tasks() {
        return render(core);
    }

    static String render(SchedulerCore core) {
        long now = core.now();
        List<TaskImpl<?>> tasks = new ArrayList<>(core.liveTasks());
        tasks.sort(Comparator.comparing((TaskImpl<?> t) -> t.owner()).thenComparingLong(t -> t.startNanos));
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-40s %-32s %-9s %10s%n", "TASK", "OWNER", "STATE", "AGE"));
        for (TaskImpl<?> t : tasks) {
            out.append(String.format("%-40s %-32s %-9s %10s%n", clip(t.name(), 40), clip(t.owner(), 32),
                    t.state(), Ages.of(Duration.ofNanos(now - t.startNanos))));
        }
        SchedulerStats stats = core.stats();
        out.append(stats.liveTasks()).append(" live task(s), ").append(stats.pendingTimers())
                .append(" pending timer(s), ").append(stats.spawnedTasks()).append(" spawned, ")
                .append(stats.failedTasks()).append(" failed");
        return out.toString();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
