package org.picogate.itests.paxexam;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.picogate.itests.paxexam.ReactorBundles.reactorBundle;

import java.time.Duration;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Task;

/**
 * The scheduler bundle from this build, installed by Pax Exam into Felix with SCR, runs a task. The bundles come
 * as file: paths set by the pom (maven-dependency-plugin's properties goal; see {@link ReactorBundles}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SchedulerPaxExamIT {

    @Inject
    private Scheduler scheduler;

    @Configuration
    public Option[] config() {
        return options(
                ReactorBundles.junitAndScr(),
                reactorBundle("picogate.bundle.scheduler"));
    }

    @Test
    public void schedulerRunsATask() throws Exception {
        Task<Integer> task = scheduler.spawn("sum", () -> 20 + 22);

        assertEquals(Integer.valueOf(42), task.join(Duration.ofSeconds(10)));
        assertEquals(Task.State.SUCCEEDED, task.state());
    }
}
