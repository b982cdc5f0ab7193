package org.picogate.ops.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Which bundles and components make the gateway unhealthy, on stand-ins for the framework and SCR. */
class HealthCheckTest {

    /** A bundle stand-in: its id, name, state and headers; nothing else is called. */
    static Bundle bundle(long id, String name, int state, Map<String, String> headers) {
        Dictionary<String, String> h = new Hashtable<>(headers);
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> name;
                    case "getState" -> state;
                    case "getHeaders" -> h;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static BundleContext context(Bundle... bundles) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundles" -> bundles;
                    case "getBundle" -> bundles[0]; // the system bundle, by location
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static ServiceComponentRuntime scr(Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> components) {
        return (ServiceComponentRuntime) Proxy.newProxyInstance(ServiceComponentRuntime.class.getClassLoader(),
                new Class<?>[] { ServiceComponentRuntime.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getComponentDescriptionDTOs" -> (Collection<ComponentDescriptionDTO>) components.keySet();
                    case "getComponentConfigurationDTOs" -> components.get(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static ComponentDescriptionDTO description(String name, String... references) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.bundle = new BundleDTO();
        d.bundle.id = 7;
        d.bundle.symbolicName = "app";
        d.references = new ReferenceDTO[references.length];
        for (int i = 0; i < references.length; i++) {
            d.references[i] = new ReferenceDTO();
            d.references[i].name = references[i];
            d.references[i].interfaceName = "org.example.Sensor";
        }
        return d;
    }

    static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.state = state;
        c.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return c;
    }

    @Test
    void fragmentsMayBeResolvedAndLazyBundlesStartingButNothingElse() {
        Map<String, String> fragment = Map.of(Constants.FRAGMENT_HOST, "host");
        Map<String, String> lazy = Map.of(Constants.BUNDLE_ACTIVATIONPOLICY, "lazy;include:=\"a\"");
        assertThat(HealthCheck.fine(bundle(1, "a", Bundle.ACTIVE, Map.of()))).isTrue();
        assertThat(HealthCheck.fine(bundle(2, "f", Bundle.RESOLVED, fragment))).isTrue();
        assertThat(HealthCheck.fine(bundle(3, "f", Bundle.INSTALLED, fragment))).isFalse(); // its host is missing
        assertThat(HealthCheck.fine(bundle(4, "l", Bundle.STARTING, lazy))).isTrue();
        assertThat(HealthCheck.fine(bundle(5, "s", Bundle.STARTING, Map.of()))).isFalse();
        assertThat(HealthCheck.fine(bundle(6, "r", Bundle.RESOLVED, Map.of()))).isFalse();
        assertThat(HealthCheck.fine(bundle(7, "i", Bundle.INSTALLED, Map.of()))).isFalse();
    }

    @Test
    void everyUnsatisfiedOrFailedComponentIsAReasonButSatisfiedAndActiveAreNot() {
        ComponentConfigurationDTO missing = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO sensor = new UnsatisfiedReferenceDTO();
        sensor.name = "sensor";
        sensor.target = "(room=kitchen)";
        missing.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] { sensor };
        ComponentConfigurationDTO failed = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        failed.failure = "java.lang.IllegalStateException: no database\n\tat org.example.App.<init>(App.java:12)";
        Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> components = new java.util.LinkedHashMap<>();
        components.put(description("reader", "sensor"), List.of(missing));
        components.put(description("app"), List.of(failed));
        components.put(description("waiting"), List.of(configuration(
                ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION)));
        components.put(description("fine"), List.of(configuration(ComponentConfigurationDTO.ACTIVE),
                configuration(ComponentConfigurationDTO.SATISFIED)));
        components.put(description("disabled"), List.of()); // no configuration: off on purpose
        Bundle system = bundle(0, "org.apache.felix.framework", Bundle.ACTIVE, Map.of());

        Health health = new HealthCheck(context(system, bundle(9, "app", Bundle.RESOLVED, Map.of())),
                scr(components)).check();

        assertThat(health.healthy()).isFalse();
        assertThat(health.components()).isEqualTo(5);
        assertThat(health.reasons()).containsExactly(
                "bundle app [9] is RESOLVED",
                "component reader of bundle app [7] is UNSATISFIED_REFERENCE: reference sensor "
                        + "(org.example.Sensor (room=kitchen)) has no service",
                "component app of bundle app [7] is FAILED_ACTIVATION: java.lang.IllegalStateException: no database",
                "component waiting of bundle app [7] is UNSATISFIED_CONFIGURATION: no configuration for its PID, "
                        + "which it requires");
        assertThat(health.toJson()).containsEntry("status", "DOWN");
    }

    @Test
    void allActiveIsHealthy() {
        Bundle system = bundle(0, "org.apache.felix.framework", Bundle.ACTIVE, Map.of());
        Health health = new HealthCheck(context(system), scr(Map.of())).check();

        assertThat(health.healthy()).isTrue();
        assertThat(health.reasons()).isEmpty();
        assertThat(health.toJson()).containsEntry("status", "UP").containsEntry("framework", "ACTIVE");
    }

    @Test
    void aFrameworkThatIsNotActiveIsUnhealthy() {
        Bundle stopping = bundle(0, "org.apache.felix.framework", Bundle.STOPPING, Map.of());
        Health health = new HealthCheck(context(stopping), scr(Map.of())).check();

        assertThat(health.healthy()).isFalse();
        assertThat(health.reasons()).contains("framework is STOPPING");
    }
}
