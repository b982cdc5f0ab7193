package org.picogate.ops.internal.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.picogate.config.ConfigAttribute;
import org.picogate.config.ValueText;
import org.picogate.config.ValueType;

/**
 * Reads and changes one PID's configuration by its Metatype description: what {@code picogate:config} does.
 * Every change is checked in full before anything is written, so a bad key or value changes nothing.
 */
final class ConfigEditor {
    static final String MASK = "********";

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final MetaTypeService metatype;

    ConfigEditor(BundleContext context, ConfigurationAdmin configAdmin, MetaTypeService metatype) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.metatype = metatype;
    }

    /** The attributes of {@code pid}'s Metatype description, by key, in declaration order. */
    Map<String, AttributeDefinition> attributes(String pid) {
        ObjectClassDefinition ocd = definition(pid);
        Map<String, AttributeDefinition> byKey = new LinkedHashMap<>();
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            byKey.put(ad.getID(), ad);
        }
        return byKey;
    }

    private ObjectClassDefinition definition(String pid) {
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = metatype.getMetaTypeInformation(b);
            if (info != null && Arrays.asList(info.getPids()).contains(pid)) {
                return info.getObjectClassDefinition(pid, null);
            }
        }
        throw new IllegalArgumentException("PID " + pid + " has no Metatype description, so its keys and types are "
                + "unknown; nothing changed");
    }

    /** The configuration of {@code pid}, or {@code null} if it has none (its defaults apply). */
    Configuration existing(String pid) throws IOException {
        try {
            Configuration[] found = configAdmin.listConfigurations(
                    "(" + Constants.SERVICE_PID + "=" + escapeFilter(pid) + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("PID " + pid + " cannot be looked up: " + e.getMessage());
        }
    }

    /**
     * One line per attribute: key, type, the value in force (or the default), PASSWORD values masked; then keys of
     * the configuration the description does not know.
     */
    String show(String pid) throws IOException {
        Map<String, AttributeDefinition> attributes = attributes(pid);
        Configuration config = existing(pid);
        Dictionary<String, Object> props = config == null ? null : config.getProperties();
        StringBuilder out = new StringBuilder();
        out.append(pid).append(config == null || props == null ? " (no configuration: the defaults apply)" : "")
                .append('\n');
        String row = "  %-" + width(attributes.keySet()) + "s %-9s %s%n";
        for (AttributeDefinition ad : attributes.values()) {
            Object value = props == null ? null : props.get(ad.getID());
            String shown = value == null ? "(default " + shownDefault(ad) + ")" : masked(ad, text(value));
            out.append(String.format(row, ad.getID(), typeLabel(ad), shown));
        }
        if (props != null) {
            TreeSet<String> unknown = new TreeSet<>();
            for (String key : Collections.list(props.keys())) {
                if (!attributes.containsKey(key) && !key.startsWith("service.") && !key.startsWith("felix.")
                        && !key.startsWith("component.")) {
                    unknown.add(key);
                }
            }
            for (String key : unknown) {
                out.append(String.format(row, key, "?", text(props.get(key)) + "  (not in the Metatype description)"));
            }
        }
        return out.toString().stripTrailing();
    }

    /**
     * Sets {@code key=value} pairs, converted to their attributes' types; all are checked before the configuration
     * is updated (or created), and an error names the PID and the key.
     *
     * @return the keys changed
     */
    List<String> update(String pid, List<String> assignments) throws IOException {
        Map<String, AttributeDefinition> attributes = attributes(pid);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("PID " + pid + ": '" + assignment + "' is not key=value; nothing "
                        + "changed");
            }
            String key = assignment.substring(0, eq).strip();
            AttributeDefinition ad = attributes.get(key);
            if (ad == null) {
                throw new IllegalArgumentException("PID " + pid + " has no key " + key + " (its keys: "
                        + String.join(", ", attributes.keySet()) + "); nothing changed");
            }
            try {
                changes.put(key, ConfigAttribute.of(ad.getType(), ad.getCardinality(), ad.getOptionValues(),
                        ad::validate).parse(assignment.substring(eq + 1), ConfigAttribute.Blanks.KEEP));
            } catch (IllegalArgumentException bad) {
                // a password is never echoed; a value that is not of the type says so already
                String why = ad.getType() == AttributeDefinition.PASSWORD ? "not accepted" : bad.getMessage();
                String expected = why.contains(" is not ") ? "" : " (" + typeLabel(ad) + " expected)";
                throw new IllegalArgumentException("PID " + pid + " key " + key + ": " + why + expected
                        + "; nothing changed");
            }
        }
        Configuration config = existing(pid);
        if (config == null) {
            config = configAdmin.getConfiguration(pid, "?"); // "?": whichever bundle's component takes the PID
        }
        Dictionary<String, Object> props = config.getProperties();
        Hashtable<String, Object> updated = new Hashtable<>();
        if (props != null) {
            for (String key : Collections.list(props.keys())) {
                updated.put(key, props.get(key));
            }
        }
        updated.putAll(changes);
        config.update(updated);
        return new ArrayList<>(changes.keySet());
    }

    private static String masked(AttributeDefinition ad, String text) {
        return ad.getType() == AttributeDefinition.PASSWORD && !text.isEmpty() ? MASK : text;
    }

    private static String shownDefault(AttributeDefinition ad) {
        String[] d = ad.getDefaultValue();
        String text = d == null ? "" : String.join(",", d);
        return text.isEmpty() ? "empty" : masked(ad, text);
    }

    /** {@code int}, {@code string[]}, ...; a type without a Config Admin type by its code: {@code type 9}. */
    static String typeLabel(AttributeDefinition ad) {
        String base = ValueType.ofMetatype(ad.getType()).map(ValueType::label).orElse("type " + ad.getType());
        return ad.getCardinality() == 0 ? base : base + "[]";
    }

    /** A value as it can be typed back after {@code key=}: a list's items joined by commas, escaped. */
    static String text(Object value) {
        return ValueText.format(value, ",");
    }

    private static int width(Collection<String> keys) {
        return Math.max(8, keys.stream().mapToInt(String::length).max().orElse(8));
    }

    /** RFC 4515 escapes for a value in an LDAP filter. */
    static String escapeFilter(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
