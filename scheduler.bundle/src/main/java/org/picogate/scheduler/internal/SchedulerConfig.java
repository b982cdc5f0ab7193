package org.picogate.scheduler.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code org.picogate.scheduler}; every change applies live. */
@ObjectClassDefinition(id = SchedulerConfig.PID, name = "Picogate scheduler",
        description = "Tasks and timers of every bundle on the gateway.")
public @interface SchedulerConfig {
    String PID = "org.picogate.scheduler";

    @AttributeDefinition(name = "Grace time (ms)", min = "0",
            description = "How long the tasks of a stopping bundle may take to end after they are cancelled;"
                    + " tasks still running then are logged by name.")
    long graceMillis() default 2000;

    @AttributeDefinition(name = "Task limit per bundle", min = "0",
            description = "Most live tasks one bundle may have; spawning past it throws"
                    + " RejectedExecutionException. 0 means no limit.")
    int maxTasksPerBundle() default 0;
}
