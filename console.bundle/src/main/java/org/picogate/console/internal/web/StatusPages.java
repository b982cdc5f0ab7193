package org.picogate.console.internal.web;

import java.util.Map;
import java.util.function.IntSupplier;

import org.picogate.console.internal.status.RecentLog;
import org.picogate.console.internal.status.TaskCounts;
import org.picogate.http.Request;
import org.picogate.http.Response;
import org.picogate.scheduler.SchedulerStats;

/** The read-only pages: tasks (per owner and by name) and the log. */
public final class StatusPages {

    private final TaskCounts tasks;
    private final RecentLog log;
    private final IntSupplier logEntries;
    private final Pages pages;

    public StatusPages(TaskCounts tasks, RecentLog log, IntSupplier logEntries, Pages pages) {
        this.tasks = tasks;
        this.log = log;
        this.logEntries = logEntries;
        this.pages = pages;
    }

    public void tasks(Request request, Response response, Caller caller) throws Exception {
        SchedulerStats stats = tasks.stats();
        pages.send(response, 200, "tasks.jte", Map.of("frame", Frame.of("Tasks", "tasks", caller), "stats", stats,
                "owners", tasks.owners(stats), "tasks", tasks.tasks()));
    }

    public void log(Request request, Response response, Caller caller) throws Exception {
        pages.send(response, 200, "log.jte", Map.of("frame", Frame.of("Log", "log", caller), "entries",
                log.last(logEntries.getAsInt())));
    }
}
