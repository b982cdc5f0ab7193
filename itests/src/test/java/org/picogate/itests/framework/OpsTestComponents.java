package org.picogate.itests.framework;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.picogate.http.Handler;

/** Components for OpsTest: one that is never satisfied while enabled, one with a Metatype-described PID. */
final class OpsTestComponents {
    static final String UNSATISFIED = "org.picogate.itests.ops.unsatisfied";
    static final String PID = "org.picogate.itests.ops";

    private OpsTestComponents() {
    }

    /** A target no service matches (the reference's type exists, so the tests bundle still resolves). */
    static final String NO_SUCH_HANDLER = "(itest.ops=never)";

    /** Disabled until OpsTest enables it; then unsatisfied, as no {@code Handler} matches its target. */
    @Component(name = UNSATISFIED, enabled = false, service = {})
    public static final class Unsatisfied {
        @Activate
        public Unsatisfied(@Reference(name = "handler", target = NO_SUCH_HANDLER) Handler handler) {
        }
    }

    /** A PID with a password, an int and a list, for picogate:config. */
    @ObjectClassDefinition(id = PID, name = "ops itest")
    @interface Config {
        @AttributeDefinition(type = AttributeType.PASSWORD)
        String secret() default "";

        @AttributeDefinition(min = "1", max = "10")
        int count() default 1;

        String[] tags() default {};
    }

    /** Takes the PID, so that it has a Metatype description. */
    @Component(name = PID, configurationPid = PID, service = {})
    @Designate(ocd = Config.class)
    public static final class Configured {
    }
}
