package org.picogate.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Task;
import org.picogate.scheduler.TaskInfo;
import org.picogate.scheduler.testing.VirtualClock;

class TasksCommandTest {

    @Test
    void listsLiveTasksWithOwnerStateAndAgeAndCountsTimers() {
        VirtualClock clock = VirtualClock.create();
        try (StandaloneScheduler s = new StandaloneScheduler(clock, "org.example.app")) {
            Event hold = s.event();
            s.spawn("mqtt-reader", () -> hold.await());
            s.callLater(Duration.ofMinutes(5), () -> { });
            clock.advance(Duration.ofSeconds(75));
            String out = TasksCommand.render(s.core());
            assertTrue(out.lines().anyMatch(l -> l.matches("mqtt-reader\\s+org\\.example\\.app\\s+RUNNING\\s+1m15s")),
                    out);
            assertTrue(out.endsWith("1 live task(s), 1 pending timer(s), 1 spawned, 0 failed"), out);
            hold.set();
        }
    }

    @Test
    void theTaskSnapshotNamesEveryOwnersLiveTasksWithStateAndAge() throws Exception {
        VirtualClock clock = VirtualClock.create();
        try (StandaloneScheduler app = new StandaloneScheduler(clock, "org.example.app")) {
            Event hold = app.event();
            app.spawn("mqtt-reader", () -> hold.await());
            clock.advance(Duration.ofSeconds(30));
            app.spawn("poller", () -> hold.await());
            clock.advance(Duration.ofSeconds(45));
            Task<Void> done = app.spawn("one-shot", () -> { });
            done.join();

            assertEquals(List.of(
                    new TaskInfo("mqtt-reader", "org.example.app", Task.State.RUNNING, Duration.ofSeconds(75)),
                    new TaskInfo("poller", "org.example.app", Task.State.RUNNING, Duration.ofSeconds(45))),
                    app.tasks());
            hold.set();
        }
    }
}
