package org.picogate.scheduler;

import java.time.Duration;

/**
 * One live task in a {@link Scheduler#tasks()} snapshot, for operations tools (the {@code picogate:tasks} command,
 * the web console).
 *
 * @param name the name it was spawned with
 * @param owner the owner (a bundle's symbolic name)
 * @param state its state when the snapshot was taken
 * @param age how long it has run, on the scheduler's clock
 */
public record TaskInfo(String name, String owner, Task.State state, Duration age) {
}
