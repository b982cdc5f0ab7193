package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.picogate.scheduler.Event;
import org.picogate.scheduler.Scheduler;

/** PID org.picogate.scheduler: described by Metatype, applied live through Config Admin. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class SchedulerConfigTest {
    static final String PID = "org.picogate.scheduler";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    Scheduler scheduler;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    @InjectService(timeout = 10_000)
    MetaTypeService metaType;

    @AfterEach
    void removeConfiguration() throws Exception {
        configAdmin.getConfiguration(PID, "?").delete();
    }

    @Test
    void everyOptionIsDescribedWithItsDefault() {
        ObjectClassDefinition ocd = Metatypes.of(context, metaType, PID);
        assertThat(Metatypes.defaults(ocd)).containsEntry("graceMillis", "2000")
                .containsEntry("maxTasksPerBundle", "0");
        assertThat(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .allSatisfy(a -> assertThat(a.getDescription()).isNotBlank());
    }

    @Test
    void taskLimitAppliesLiveAndGoesAwayWithTheConfiguration() throws Exception {
        Configuration config = configAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("maxTasksPerBundle", 3);
        config.update(props);
        Await.until(Duration.ofSeconds(10), () -> "the limit of 3 applied", () -> tasksAccepted() == 3);

        config.delete();
        Await.until(Duration.ofSeconds(10), () -> "the limit lifted", () -> tasksAccepted() == 10);
    }

    /** How many of 10 tasks the scheduler accepts at once (they wait, then all end). */
    private int tasksAccepted() {
        Event hold = scheduler.event();
        int accepted = 0;
        try {
            for (; accepted < 10; accepted++) {
                scheduler.spawn("held", () -> hold.await());
            }
        } catch (RejectedExecutionException limit) {
            assertThat(limit).hasMessageContaining("limit set by maxTasksPerBundle");
        } finally {
            hold.set();
        }
        return accepted;
    }
}
