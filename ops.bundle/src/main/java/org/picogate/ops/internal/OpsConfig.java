package org.picogate.ops.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code org.picogate.ops}; every change applies live (see {@link OpsEndpoints}). */
@ObjectClassDefinition(id = OpsConfig.PID, name = "Picogate operations endpoints",
        description = "The /metrics (Prometheus) and /health endpoints on the gateway's HTTP server.")
public @interface OpsConfig {
    String PID = "org.picogate.ops";

    @AttributeDefinition(name = "Metrics", description = "Serve the Prometheus metrics (text format 0.0.4) at "
            + "metricsPath; off, the route is gone (404).")
    boolean metricsEnabled() default true;

    @AttributeDefinition(name = "Metrics path", description = "Path of the metrics: a literal route path.")
    String metricsPath() default "/metrics";

    @AttributeDefinition(name = "Health", description = "Serve the health check (JSON; 200 healthy, 503 not) at "
            + "healthPath; off, the route is gone (404).")
    boolean healthEnabled() default true;

    @AttributeDefinition(name = "Health path", description = "Path of the health check: a literal route path.")
    String healthPath() default "/health";
}
