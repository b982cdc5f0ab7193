package org.picogate.console.internal.status;

/** Live tasks and pending timers of one owner (a bundle), for the tasks page. */
public record TaskOwnerRow(String owner, int liveTasks, int pendingTimers, long spawnedTasks) {
}
