package org.picogate.console.internal.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.picogate.config.ConfigAttribute;
import org.picogate.config.ValueText;

/**
 * Configuration forms generated from Metatype: every singleton PID some bundle describes with an object class
 * definition, its attributes as inputs, and applying a submitted form through Config Admin. Passwords (Metatype
 * type PASSWORD) are never sent to the browser: an empty input keeps the stored one, a filled one replaces it,
 * a tick in "clear" removes it. Keys the definition does not describe are kept as they are.
 */
public final class MetatypeForms {

    /** PIDs are dotted names; anything else in a URL is refused before it reaches an LDAP filter. */
    static final Pattern PID = Pattern.compile("[A-Za-z0-9_.\\-]{1,200}");
    public static final String VALUE_PREFIX = "v.";
    public static final String CLEAR_PREFIX = "clear.";
    /** The hidden field that lists the attributes a form shows. */
    public static final String SHOWN = "shown";

    private final BundleContext context;
    private final MetaTypeService metatype;
    private final ConfigurationAdmin configAdmin;

    public MetatypeForms(BundleContext context, MetaTypeService metatype, ConfigurationAdmin configAdmin) {
        this.context = context;
        this.metatype = metatype;
        this.configAdmin = configAdmin;
    }

    /** Every described PID, by PID. */
    public List<ConfigPid> pids() throws IOException {
        Map<String, ConfigPid> byPid = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            for (String pid : info.getPids()) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                if (ocd != null && PID.matcher(pid).matches()) {
                    byPid.put(pid, new ConfigPid(pid, ocd.getName(), nullToEmpty(ocd.getDescription()),
                            bundle.getSymbolicName(), stored(pid).isPresent()));
                }
            }
        }
        return new ArrayList<>(byPid.values());
    }

    /** The definition of {@code pid}, if a bundle describes it. */
    public Optional<ObjectClassDefinition> definition(String pid) {
        if (pid == null || !PID.matcher(pid).matches()) {
            return Optional.empty();
        }
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
            if (info != null && Arrays.asList(info.getPids()).contains(pid)) {
                return Optional.ofNullable(info.getObjectClassDefinition(pid, null));
            }
        }
        return Optional.empty();
    }

    /** The form of {@code pid} with its stored values. */
    public List<ConfigField> fields(ObjectClassDefinition ocd, String pid) throws IOException {
        Dictionary<String, Object> stored = stored(pid).map(Configuration::getProperties).orElse(new Hashtable<>());
        List<ConfigField> fields = new ArrayList<>();
        for (AttributeDefinition ad : attributes(ocd)) {
            Object value = stored.get(ad.getID());
            String shown = ad.getType() == AttributeDefinition.PASSWORD ? "" : text(value);
            if (ad.getType() == AttributeDefinition.BOOLEAN && value == null) {
                shown = text(defaults(ad));
            }
            fields.add(field(ad, shown, value != null && !text(value).isEmpty(), null));
        }
        return fields;
    }

    /**
     * Applies a submitted form: each value checked; if all pass, the configuration is updated (created if need
     * be) and the changed keys returned. Otherwise nothing is stored and the fields come back with their errors
     * and what was typed (passwords excepted).
     */
    public Result apply(ObjectClassDefinition ocd, String pid, Map<String, List<String>> form) throws IOException {
        Optional<Configuration> existing = stored(pid);
        Dictionary<String, Object> old = existing.map(Configuration::getProperties).orElse(null);
        Hashtable<String, Object> next = new Hashtable<>();
        if (old != null) {
            for (Enumeration<String> keys = old.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                next.put(key, old.get(key));
            }
        }
        List<ConfigField> fields = new ArrayList<>();
        boolean failed = false;
        // The page lists its inputs (a blank one is not sent at all, as parse_qs drops empty values): those are
        // set, a blank one to the default. A request without the list (a script) changes only what it sends.
        List<String> shown = form.getOrDefault(SHOWN, List.of());
        for (AttributeDefinition ad : attributes(ocd)) {
            String id = ad.getID();
            String raw = first(form, VALUE_PREFIX + id);
            boolean password = ad.getType() == AttributeDefinition.PASSWORD;
            boolean checkbox = ad.getType() == AttributeDefinition.BOOLEAN && ad.getCardinality() == 0;
            if (!shown.contains(id) && raw == null && first(form, CLEAR_PREFIX + id) == null) {
                fields.add(field(ad, "", password && old != null && old.get(id) != null, null));
                continue;
            }
            String error = null;
            try {
                if (checkbox && shown.contains(id)) {
                    next.put(id, raw != null && !raw.isEmpty());
                } else if (password && first(form, CLEAR_PREFIX + id) != null) {
                    next.remove(id);
                } else if (raw == null || raw.isBlank()) {
                    if (!password) {
                        next.remove(id); // the component's default applies
                    }
                } else {
                    next.put(id, ConfigAttribute.of(ad.getType(), ad.getCardinality(), ad.getOptionValues(),
                            ad::validate).parse(raw, ConfigAttribute.Blanks.TRIM));
                }
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
                failed = true;
            }
            boolean secretSet = password && old != null && old.get(id) != null;
            fields.add(field(ad, password ? "" : raw == null ? "" : raw, secretSet, error));
        }
        if (failed) {
            return new Result(false, List.of(), fields);
        }
        next.remove("service.pid");
        next.remove("service.bundleLocation");
        List<String> changed = changedKeys(old, next);
        Configuration configuration = existing.isPresent() ? existing.get() : configAdmin.getConfiguration(pid, "?");
        configuration.update(next);
        return new Result(true, changed, fields);
    }

    /**
     * The outcome of {@link #apply}.
     *
     * @param changed the keys whose value changed (passwords named, never shown)
     */
    public record Result(boolean applied, List<String> changed, List<ConfigField> fields) {
    }

    private Optional<Configuration> stored(String pid) throws IOException {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            return found == null || found.length == 0 ? Optional.empty() : Optional.of(found[0]);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a PID that passed the pattern made a bad filter", e);
        }
    }

    private static List<AttributeDefinition> attributes(ObjectClassDefinition ocd) {
        AttributeDefinition[] ads = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return ads == null ? List.of() : Arrays.asList(ads);
    }

    private static ConfigField field(AttributeDefinition ad, String value, boolean secretSet, String error) {
        int type = ad.getType();
        List<ConfigField.Option> options = new ArrayList<>();
        String[] values = ad.getOptionValues();
        String[] labels = ad.getOptionLabels();
        if (values != null && ad.getCardinality() == 0) {
            for (int i = 0; i < values.length; i++) {
                options.add(new ConfigField.Option(values[i], labels != null && i < labels.length ? labels[i]
                        : values[i]));
            }
        }
        String input = switch (type) {
            case AttributeDefinition.PASSWORD -> "password";
            case AttributeDefinition.BOOLEAN -> ad.getCardinality() == 0 ? "checkbox" : "text";
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> ad.getCardinality() == 0 ? "number" : "text";
            default -> "text";
        };
        if (!options.isEmpty()) {
            input = "select";
        }
        String placeholder = type == AttributeDefinition.PASSWORD ? "" : text(defaults(ad));
        return new ConfigField(ad.getID(), nullToEmpty(ad.getName()), nullToEmpty(ad.getDescription()), input,
                value == null ? "" : value, placeholder, secretSet, options, error, ad.getCardinality() != 0);
    }

    /**
     * A stored value as its input shows it: a list's items comma-separated, escaped so that saving the form again
     * reads the same items (a comma within an item is {@code \,}).
     */
    static String text(Object value) {
        return ValueText.format(value, ", ");
    }

    private static Object defaults(AttributeDefinition ad) {
        String[] d = ad.getDefaultValue();
        return d == null ? null : String.join(", ", d);
    }

    private static List<String> changedKeys(Dictionary<String, Object> old, Map<String, Object> next) {
        Map<String, String> before = new LinkedHashMap<>();
        if (old != null) {
            for (Enumeration<String> keys = old.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                before.put(key, text(old.get(key)));
            }
        }
        before.remove("service.pid");
        before.remove("service.bundleLocation");
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Object> e : next.entrySet()) {
            if (!text(e.getValue()).equals(before.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (String key : before.keySet()) {
            if (!next.containsKey(key)) {
                changed.add(key);
            }
        }
        changed.sort(Comparator.naturalOrder());
        return changed;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
