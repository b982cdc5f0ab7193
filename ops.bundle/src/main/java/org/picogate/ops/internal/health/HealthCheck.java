package org.picogate.ops.internal.health;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.picogate.ops.internal.health.Health.BundleProblem;
import org.picogate.ops.internal.health.Health.ComponentProblem;

/**
 * Takes the gateway's {@link Health}: the framework's state, every bundle (each must be active, but fragments,
 * which are only ever resolved, and lazily activated bundles waiting for their first class load), and every
 * enabled DS component configuration (each must be satisfied; a disabled component is off on purpose).
 */
public final class HealthCheck {
    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    public HealthCheck(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    public Health check() {
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        Bundle[] bundles = context.getBundles();
        List<BundleProblem> notActive = new ArrayList<>();
        for (Bundle b : bundles) {
            if (!fine(b)) {
                notActive.add(new BundleProblem(b.getBundleId(), String.valueOf(b.getSymbolicName()),
                        state(b.getState())));
            }
        }
        int components = 0;
        List<ComponentProblem> unsatisfied = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                components++;
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                        || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    unsatisfied.add(new ComponentProblem(d.name, d.bundle.symbolicName + " [" + d.bundle.id + "]",
                            componentState(c.state), detail(d, c)));
                }
            }
        }
        return new Health(framework == null ? "UNKNOWN" : state(framework.getState()), bundles.length, notActive,
                components, unsatisfied);
    }

    /** Active; or a fragment (resolved at best); or lazy and waiting to be activated (starting). */
    static boolean fine(Bundle b) {
        int state = b.getState();
        if (state == Bundle.ACTIVE) {
            return true;
        }
        if (b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            return state == Bundle.RESOLVED;
        }
        String policy = b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
        return state == Bundle.STARTING && policy != null
                && policy.strip().startsWith(Constants.ACTIVATION_LAZY);
    }

    private static String detail(ComponentDescriptionDTO d, ComponentConfigurationDTO c) {
        if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
            return c.failure == null ? "activation failed" : firstLine(c.failure);
        }
        if (c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
            return "no configuration for its PID, which it requires";
        }
        List<String> refs = new ArrayList<>();
        for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
            String type = "?";
            for (ReferenceDTO r : d.references) {
                if (r.name.equals(u.name)) {
                    type = r.interfaceName;
                }
            }
            refs.add("reference " + u.name + " (" + type + (u.target == null ? "" : " " + u.target)
                    + ") has no service");
        }
        return String.join("; ", refs);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN(" + state + ")";
        };
    }

    static String componentState(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "UNKNOWN(" + state + ")";
        };
    }
}
