package org.picogate.ops.internal.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's health at one moment.
 *
 * @param framework the system bundle's state ({@code ACTIVE} once started)
 * @param bundles how many bundles are installed
 * @param notActive the bundles that should be active and are not
 * @param components how many component configurations DS has (enabled components)
 * @param unsatisfied the component configurations that are not satisfied or failed to activate
 */
public record Health(String framework, int bundles, List<BundleProblem> notActive, int components,
        List<ComponentProblem> unsatisfied) {

    public Health {
        notActive = List.copyOf(notActive);
        unsatisfied = List.copyOf(unsatisfied);
    }

    /** Healthy: the framework is active, and so is every bundle and component that should be. */
    public boolean healthy() {
        return framework.equals("ACTIVE") && notActive.isEmpty() && unsatisfied.isEmpty();
    }

    /** One sentence per problem, for people. */
    public List<String> reasons() {
        List<String> all = new ArrayList<>();
        if (!framework.equals("ACTIVE")) {
            all.add("framework is " + framework);
        }
        notActive.forEach(b -> all.add("bundle " + b.symbolicName() + " [" + b.id() + "] is " + b.state()));
        unsatisfied.forEach(c -> all.add("component " + c.name() + " of bundle " + c.bundle() + " is " + c.state()
                + (c.detail().isEmpty() ? "" : ": " + c.detail())));
        return all;
    }

    /** As the JSON of {@code /health}: status, framework, bundles, components, reasons. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", healthy() ? "UP" : "DOWN");
        json.put("framework", framework);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("total", bundles);
        b.put("notActive", notActive.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("symbolicName", p.symbolicName());
            m.put("state", p.state());
            return m;
        }).toList());
        json.put("bundles", b);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("total", components);
        c.put("unsatisfied", unsatisfied.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("bundle", p.bundle());
            m.put("state", p.state());
            m.put("detail", p.detail());
            return m;
        }).toList());
        json.put("components", c);
        json.put("reasons", reasons());
        return json;
    }

    /** A bundle that should be active and is not. */
    public record BundleProblem(long id, String symbolicName, String state) {
    }

    /**
     * A component configuration that is not satisfied.
     *
     * @param name the component's name
     * @param bundle its bundle, {@code symbolic.name [id]}
     * @param state {@code UNSATISFIED_REFERENCE}, {@code UNSATISFIED_CONFIGURATION} or {@code FAILED_ACTIVATION}
     * @param detail which references have no service, or the activation's failure
     */
    public record ComponentProblem(String name, String bundle, String state, String detail) {
    }
}
